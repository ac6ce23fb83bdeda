// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Runtime.Json;
using LiveAvatarGen.Runtime.Telemetry;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>How a streamed response frames its items.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ApiStreamFormat
{
    /// <summary><c>text/event-stream</c>: each event's <c>data:</c> lines form one item; <c>[DONE]</c> ends the stream.</summary>
    EventStream,

    /// <summary>Newline-delimited JSON: one item per non-empty line.</summary>
    NdJson,
}

/// <summary>Streaming responses, read item by item as they arrive.</summary>
public sealed partial class ApiClientCore
{
    /// <summary>The items of a streamed call, read as they arrive (the public overload is in ApiClientCore.Telemetry.cs).</summary>
    private async IAsyncEnumerable<T> StreamItemsAsync<T>(
        ApiRequest request,
        IReadOnlyList<IReadOnlyList<ApiSecurityScheme>> security,
        ApiStreamFormat format,
        JsonReadFunc<T>? read,
        Func<ApiResponseData, Exception> toError,
        ApiOperation operation,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using ApiStreamResponse<T> response = await OpenStreamAsync(request, security, format, read, toError, operation, withHeaders: false, cancellationToken).ConfigureAwait(false);
        await foreach (T item in ((IAsyncEnumerable<T>)response).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    /// <summary>The call of a streamed operation up to its headers (the public overload is in ApiClientCore.Telemetry.cs).</summary>
    private async Task<ApiStreamResponse<T>> OpenStreamAsync<T>(
        ApiRequest request,
        IReadOnlyList<IReadOnlyList<ApiSecurityScheme>> security,
        ApiStreamFormat format,
        JsonReadFunc<T>? read,
        Func<ApiResponseData, Exception> toError,
        ApiOperation operation,
        bool withHeaders,
        CancellationToken cancellationToken)
    {
        string operationName = operation.Name;
        // The span and the duration end when the headers arrive (or the error body is read), as HttpClient's own do.
        CallTelemetry telemetry = StartTelemetry(operation, request);
        HttpRequestMessage? message = null;
        HttpResponseMessage? response = null;
        try
        {
            SentToken? sentToken = await ApplySecurityAsync(request, security, cancellationToken).ConfigureAwait(false);
            // Streams do not follow redirects: a 3xx reaches toError as an ApiException, and credentials stay with this origin.
            Uri target = BuildTarget(request, ResolveBaseAddress(request));
            telemetry.Target(target);
            message = request.ToMessage(target, request.Method, includeBody: true, includeCredentials: true);
            _prepareRequest?.Invoke(message, operationName);
            response = await SendStreamRequestAsync(message, target, cancellationToken).ConfigureAwait(false);
            sentToken?.ForgetIfRefused(response);
            telemetry.Responded((int)response.StatusCode);
            _processResponse?.Invoke(response, operationName);

            // As for other calls: a handler that followed a redirect by itself may have carried the credentials away.
            RefuseHandlerRedirect(response, target, request.HasCredentials);
            if ((int)response.StatusCode is < 200 or > 299)
            {
                throw await ReadErrorAsync(response, target, toError, cancellationToken).ConfigureAwait(false);
            }

            StreamOwner owner = new(message, response);
            ApiResponseHeaders headers = withHeaders ? ApiResponseHeaders.From(response) : ApiResponseHeaders.Empty;
            return new ApiStreamResponse<T>((int)response.StatusCode, headers, ReadItemsAsync(response, owner, format, read, target, cancellationToken), owner);
        }
        catch (Exception ex) when (telemetry.Failed(ex))
        {
            // Never reached: the filter only notes the exception for the span and the metric.
            throw;
        }
        catch
        {
            response?.Dispose();
            message?.Dispose();
            throw;
        }
        finally
        {
            telemetry.Stop();
        }
    }

    /// <summary>The items of a stream as lines arrive; the connection is released at the end.</summary>
    private async IAsyncEnumerable<T> ReadItemsAsync<T>(HttpResponseMessage response, IDisposable owner, ApiStreamFormat format, JsonReadFunc<T>? read, Uri target, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
#if NET5_0_OR_GREATER
            using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using Stream stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            using StreamReader reader = new(stream, Encoding.UTF8);
            BoundedLineReader lines = new(reader, _options.MaxResponseBodyBytes, target);
            StringBuilder data = new();
            while (await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (format == ApiStreamFormat.NdJson)
                {
                    if (line.Trim().Length > 0)
                    {
                        yield return Parse(line, read);
                    }

                    continue;
                }

                if (line.Length == 0)
                {
                    if (data.Length > 0)
                    {
                        string item = data.ToString();
                        data.Clear();
                        if (item == "[DONE]")
                        {
                            yield break;
                        }

                        yield return Parse(item, read);
                    }

                    continue;
                }

                if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    if (data.Length > 0)
                    {
                        data.Append('\n');
                    }

                    data.Append(line.Length > 5 && line[5] == ' ' ? line.Substring(6) : line.Substring(5));
                }

                // event:, id:, retry: and ":" comments carry nothing the item needs.
            }

            if (data.Length > 0 && data.ToString() != "[DONE]")
            {
                yield return Parse(data.ToString(), read);
            }
        }
        finally
        {
            owner.Dispose();
        }
    }

    /// <summary>Keeps a stream's request and response alive while its items are read, and releases both.</summary>
    private sealed class StreamOwner : IDisposable
    {
        private readonly HttpRequestMessage _request;
        private readonly HttpResponseMessage _response;

        public StreamOwner(HttpRequestMessage request, HttpResponseMessage response)
        {
            _request = request;
            _response = response;
        }

        public void Dispose()
        {
            _response.Dispose();
            _request.Dispose();
        }
    }

    /// <summary>Sends a stream's request up to the headers; <see cref="ApiClientOptions.Timeout"/> covers only this wait.</summary>
    private async Task<HttpResponseMessage> SendStreamRequestAsync(HttpRequestMessage message, Uri target, CancellationToken cancellationToken)
    {
        using CallScope call = new(_options.Timeout, cancellationToken);
        try
        {
            return await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, call.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ex is not ApiClientException)
        {
            throw call.ConnectionFailure(target, afterHeaders: false, ex);
        }
        catch (OperationCanceledException ex) when (call.IsTimeout)
        {
            throw new ApiTimeoutException(call.Timeout!.Value, ex);
        }
    }

    /// <summary>Reads an error response's body (within the limit) and builds its documented exception.</summary>
    private async Task<Exception> ReadErrorAsync(HttpResponseMessage response, Uri target, Func<ApiResponseData, Exception> toError, CancellationToken cancellationToken)
    {
        (byte[]? rented, int length) = await ReadBodyAsync(response.Content, _options.MaxResponseBodyBytes, target, new CallScope(null, cancellationToken)).ConfigureAwait(false);
        try
        {
            return toError(ToResponseData(response, rented, length));
        }
        finally
        {
            ReturnToPool(rented);
        }
    }

    private static T Parse<T>(string text, JsonReadFunc<T>? read)
    {
        if (read is null)
        {
            return (T)(object)text;
        }

        ApiResponseData item = new(200, Encoding.UTF8.GetBytes(text), "application/json", null);
        return item.ReadJson(read);
    }

    /// <summary>
    /// Reads lines without ever holding more than the limit: a server that never sends a newline cannot exhaust memory.
    /// The connection breaking mid-stream becomes <see cref="ApiConnectionException"/>.
    /// </summary>
    private sealed class BoundedLineReader
    {
        private readonly StreamReader _reader;
        private readonly long _limit;
        private readonly Uri _target;
        private readonly char[] _buffer = new char[4096];
        private readonly StringBuilder _line = new();
        private int _position;
        private int _length;

        public BoundedLineReader(StreamReader reader, long limit, Uri target)
        {
            _reader = reader;
            _limit = limit;
            _target = target;
        }

        public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            _line.Clear();
            while (true)
            {
                if (_position == _length)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    try
                    {
                        _length = await _reader.ReadAsync(_buffer, 0, _buffer.Length).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is IOException or HttpRequestException && ex is not ApiClientException)
                    {
                        throw new CallScope(null, cancellationToken).ConnectionFailure(_target, afterHeaders: true, ex);
                    }

                    _position = 0;
                    if (_length == 0)
                    {
                        return _line.Length > 0 ? _line.ToString() : null;
                    }
                }

                char c = _buffer[_position++];
                if (c == '\n')
                {
                    if (_line.Length > 0 && _line[_line.Length - 1] == '\r')
                    {
                        _line.Length--;
                    }

                    return _line.ToString();
                }

                _line.Append(c);
                if (_line.Length > _limit)
                {
                    throw new ApiResponseTooLargeException(_limit);
                }
            }
        }
    }
}
