// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Diagnostics;
using System.Globalization;
using LiveAvatarGen.Runtime.Http;

namespace LiveAvatarGen.Runtime.Telemetry;

/// <summary>
/// One call's span and duration, following OpenTelemetry's conventions for HTTP clients. When nobody listens as the
/// call starts it is the default value: every later step is then one field test, and no tag, string or timestamp is
/// made. A call is one span however many redirects it follows; HttpClient's own span for each request, when
/// something listens to it, is a child of this one.
/// </summary>
internal struct CallTelemetry
{
    private readonly ApiTelemetry? _telemetry;
    private readonly ApiOperation? _operation;
    private readonly string _method;
    private readonly Activity? _activity;

    // Stopwatch ticks when the call started; 0 when the histogram was off then (a listener arriving mid-call waits for the next call).
    private readonly long _started;
    private Uri? _target;
    private int _status;
    private Exception? _failure;

    private CallTelemetry(ApiTelemetry telemetry, ApiOperation? operation, string method, Activity? activity, long started)
    {
        _telemetry = telemetry;
        _operation = operation;
        _method = method;
        _activity = activity;
        _started = started;
        _target = null;
        _status = 0;
        _failure = null;
    }

    /// <summary>
    /// Starts the span (a child of <see cref="Activity.Current"/>) and the clock when someone listens. Without an
    /// operation (a transport used directly, not through a generated client) the span is named after the method only,
    /// as the conventions ask when there is no route template.
    /// </summary>
    public static CallTelemetry Start(ApiTelemetry? telemetry, ApiOperation? operation, string requestMethod)
    {
        if (telemetry is null)
        {
            return default;
        }

        bool timed = telemetry.Duration.Enabled;
        if (!timed && !telemetry.Source.HasListeners())
        {
            return default;
        }

        string method = operation?.MethodAttribute ?? ApiOperation.TelemetryMethod(requestMethod);
        string spanName = operation?.SpanName ?? (method == ApiOperation.OtherMethod ? "HTTP" : method);
        Activity? activity = telemetry.Source.StartActivity(spanName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(TelemetryAttributes.RequestMethod, method);
            if (method == ApiOperation.OtherMethod)
            {
                activity.SetTag(TelemetryAttributes.RequestMethodOriginal, operation?.Method ?? requestMethod);
            }

            if (operation is not null)
            {
                activity.SetTag(TelemetryAttributes.UrlTemplate, operation.RouteTemplate);
                activity.SetTag(TelemetryAttributes.OperationId, operation.OperationId);
            }
        }

        if (activity is null && !timed)
        {
            return default;
        }

        return new CallTelemetry(telemetry, operation, method, activity, timed ? Stopwatch.GetTimestamp() : 0);
    }

    /// <summary>
    /// Where the call's first request goes: <c>server.address</c>, <c>server.port</c> and, on the span,
    /// <c>url.full</c> without the query (an API key may travel there) and without user info.
    /// </summary>
    public void Target(Uri target)
    {
        if (_telemetry is null)
        {
            return;
        }

        _target = target;
        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag(TelemetryAttributes.ServerAddress, target.IdnHost);
            _activity.SetTag(TelemetryAttributes.ServerPort, target.Port);
            _activity.SetTag(TelemetryAttributes.UrlFull, target.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped));
        }
    }

    /// <summary>The status of the response the call ends with (after any redirects).</summary>
    public void Responded(int status) => _status = status;

    /// <summary>
    /// Notes the exception that ends the call. Always false, so it can sit in an exception filter: the exception is
    /// seen, never caught, and leaves with its stack untouched.
    /// </summary>
    public bool Failed(Exception exception)
    {
        _failure = exception;
        return false;
    }

    /// <summary>Ends the span with its status and records the duration.</summary>
    public void Stop()
    {
        if (_telemetry is null)
        {
            return;
        }

        // An error status names the error even when the handler threw for it (ApiException); any other failure is
        // named by its exception's type. 1xx-3xx with no exception is a success.
        string? errorType = _status >= 400 ? _status.ToString(CultureInfo.InvariantCulture) : _failure?.GetType().FullName;
        if (_activity is not null)
        {
            if (_activity.IsAllDataRequested)
            {
                if (_status != 0)
                {
                    _activity.SetTag(TelemetryAttributes.ResponseStatusCode, _status);
                }

                if (errorType is not null)
                {
                    _activity.SetTag(TelemetryAttributes.ErrorType, errorType);
                }
            }

            if (errorType is not null)
            {
                _activity.SetStatus(ActivityStatusCode.Error);
            }

            _activity.Dispose();
        }

        if (_started != 0 && _telemetry.Duration.Enabled)
        {
            double seconds = (Stopwatch.GetTimestamp() - _started) / (double)Stopwatch.Frequency;
            TagList tags = default;
            tags.Add(TelemetryAttributes.RequestMethod, _method);
            if (_operation is not null)
            {
                tags.Add(TelemetryAttributes.UrlTemplate, _operation.RouteTemplate);
                if (_operation.OperationId is { } operationId)
                {
                    tags.Add(TelemetryAttributes.OperationId, operationId);
                }
            }

            if (_target is not null)
            {
                tags.Add(TelemetryAttributes.ServerAddress, _target.IdnHost);
                tags.Add(TelemetryAttributes.ServerPort, _target.Port);
            }

            if (_status != 0)
            {
                tags.Add(TelemetryAttributes.ResponseStatusCode, _status);
            }

            if (errorType is not null)
            {
                tags.Add(TelemetryAttributes.ErrorType, errorType);
            }

            _telemetry.Duration.Record(seconds, in tags);
        }
    }
}
