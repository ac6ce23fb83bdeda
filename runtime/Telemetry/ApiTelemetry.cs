// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LiveAvatarGen.Runtime.Telemetry;

/// <summary>
/// The <see cref="ActivitySource"/> and <see cref="Meter"/> of one generated client, both named after it. The
/// generated client keeps one in a static field, so they are created once per process, and hands it to its
/// transport. Export them with OpenTelemetry's <c>AddSource(name)</c> and <c>AddMeter(name)</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiTelemetry
{
    /// <summary>The name of the duration histogram, as OpenTelemetry's HTTP client conventions name it.</summary>
    public const string DurationInstrumentName = "http.client.request.duration";

    /// <summary>Creates the source and the meter.</summary>
    /// <param name="name">Their name: the generated client's full name, such as <c>LiveAvatar.Api.LiveAvatarClient</c>.</param>
    public ApiTelemetry(string name)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Source = new ActivitySource(name);
        Meter = new Meter(name);
        Duration = Meter.CreateHistogram<double>(DurationInstrumentName, "s", "Duration of HTTP client requests.");
    }

    /// <summary>The name of the activity source and of the meter.</summary>
    public string Name { get; }

    /// <summary>Starts one <see cref="ActivityKind.Client"/> activity per call.</summary>
    public ActivitySource Source { get; }

    /// <summary>Holds the duration histogram.</summary>
    public Meter Meter { get; }

    /// <summary>Each call's duration in seconds (<c>http.client.request.duration</c>).</summary>
    public Histogram<double> Duration { get; }
}
