// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;

namespace LiveAvatarGen.Tests.Telemetry;

/// <summary>One measurement of the duration histogram, with its tags.</summary>
internal sealed record DurationMeasurement(string Unit, double Seconds, IReadOnlyDictionary<string, object?> Tags);

/// <summary>
/// An <see cref="ActivityListener"/> and a <see cref="MeterListener"/> on one client's source and meter, keeping
/// what belongs to one loopback server: tests in other classes may call the same client at the same time, and each
/// server has a port of its own.
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly List<Activity> _stopped = new();
    private readonly List<DurationMeasurement> _durations = new();
    private readonly int _port;

    public TelemetryRecorder(string name, int port, string? parentSource = null)
    {
        _port = port;
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == name || source.Name == parentSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == name && Equals(activity.GetTagItem("server.port"), _port))
                {
                    lock (_stopped)
                    {
                        _stopped.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == name && instrument.Name == "http.client.request.duration")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            Dictionary<string, object?> copy = new(StringComparer.Ordinal);
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                copy.Add(tag.Key, tag.Value);
            }

            if (Equals(copy.GetValueOrDefault("server.port"), _port))
            {
                lock (_durations)
                {
                    _durations.Add(new DurationMeasurement(instrument.Unit ?? string.Empty, value, copy));
                }
            }
        });
        _meters.Start();
    }

    public IReadOnlyList<Activity> Activities
    {
        get
        {
            lock (_stopped)
            {
                return _stopped.ToList();
            }
        }
    }

    public IReadOnlyList<DurationMeasurement> Durations
    {
        get
        {
            lock (_durations)
            {
                return _durations.ToList();
            }
        }
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }
}
