// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using LiveAvatarGen.Runtime.Errors;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>Reading a response body: pooled, bounded by <see cref="ApiClientOptions.MaxResponseBodyBytes"/>.</summary>
public sealed partial class ApiClientCore
{
    /// <summary>What the generated handler reads: the status, the body (in the pooled buffer) and the headers it needs.</summary>
    private static ApiResponseData ToResponseData(HttpResponseMessage response, byte[]? rented, int length)
    {
        ReadOnlyMemory<byte> body = rented is null ? ReadOnlyMemory<byte>.Empty : new ReadOnlyMemory<byte>(rented, 0, length);
        return new ApiResponseData(response, body, response.Content?.Headers.ContentType?.MediaType, GetRetryAfter(response.Headers.RetryAfter));
    }

    private static TimeSpan? GetRetryAfter(RetryConditionHeaderValue? retryAfter)
    {
        if (retryAfter is null)
        {
            return null;
        }

        if (retryAfter.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter.Date is { } date)
        {
            TimeSpan wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>
    /// Reads the whole body into a pooled buffer (null when empty), never more than <paramref name="limit"/> bytes.
    /// A transport failure while reading, including a body shorter than its <c>Content-Length</c>, becomes
    /// <see cref="ApiConnectionException"/> (or what it really is when the call was cancelled or timed out).
    /// </summary>
    private static async ValueTask<(byte[]? Buffer, int Length)> ReadBodyAsync(HttpContent? content, long limit, Uri target, CallScope call)
    {
        if (content is null)
        {
            return (null, 0);
        }

        long? declared = content.Headers.ContentLength;
        if (declared is { } tooLong && tooLong > limit)
        {
            throw new ApiResponseTooLargeException(limit);
        }

        if (declared == 0)
        {
            return (null, 0);
        }

        CancellationToken cancellationToken = call.Token;
        byte[]? buffer = null;
        try
        {
#if NET5_0_OR_GREATER
            using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            // The largest array .NET allows is a little under 2 GiB; a larger limit is capped there.
            int cap = (int)Math.Max(0, Math.Min(limit, 0x7FFFFFC7L));
            buffer = ArrayPool<byte>.Shared.Rent(declared is { } exact ? (int)Math.Min(exact + 1, cap) : Math.Min(16 * 1024, cap));
            int length = 0;
            while (true)
            {
                int room = (int)Math.Min(buffer.Length - length, cap - (long)length);
                if (room == 0)
                {
                    if (length >= cap)
                    {
                        // Full at the limit: one more byte means the body is too large.
                        if (await ReadOneAsync(stream, cancellationToken).ConfigureAwait(false))
                        {
                            throw new ApiResponseTooLargeException(limit);
                        }

                        break;
                    }

                    byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, cap));
                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                    continue;
                }

#if NET5_0_OR_GREATER
                int read = await stream.ReadAsync(buffer.AsMemory(length, room), cancellationToken).ConfigureAwait(false);
#else
                int read = await stream.ReadAsync(buffer, length, room, cancellationToken).ConfigureAwait(false);
#endif
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length == declared)
                {
                    // The transport enforces Content-Length framing: nothing more can follow.
                    break;
                }
            }

            if (declared is { } expected && length != expected)
            {
                throw new IOException("The response body ended after " + length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " of the " + expected.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes its Content-Length announced.");
            }

            if (length == 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return (null, 0);
            }

            return (buffer, length);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && ex is not ApiClientException)
        {
            ReturnToPool(buffer);
            throw call.ConnectionFailure(target, afterHeaders: true, ex);
        }
        catch
        {
            ReturnToPool(buffer);
            throw;
        }
    }

    private static void ReturnToPool(byte[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<bool> ReadOneAsync(Stream stream, CancellationToken cancellationToken)
    {
        byte[] one = new byte[1];
#if NET5_0_OR_GREATER
        return await stream.ReadAsync(one.AsMemory(), cancellationToken).ConfigureAwait(false) > 0;
#else
        return await stream.ReadAsync(one, 0, 1, cancellationToken).ConfigureAwait(false) > 0;
#endif
    }
}
