using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AuthingClient.Diagnostics;

namespace AuthingClient.Reliability.Tests.Support;

/// <summary>
/// Captures, as text, every activity (name, status, tags, event tags) and every AuthingClient
/// metric tag produced while it is alive, so a test can search them for secrets.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly ConcurrentQueue<string> _texts = new();
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();

    public TelemetryCapture()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_activities);

        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RevocationTelemetry.SourceName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, _, tags, _) => RecordTags(instrument.Name, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, _, tags, _) => RecordTags(instrument.Name, tags));
        _meters.Start();
    }

    public IReadOnlyCollection<string> Texts => _texts;

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Record(Activity activity)
    {
        _texts.Enqueue($"{activity.OperationName} {activity.DisplayName} {activity.StatusDescription}");
        foreach (var tag in activity.TagObjects)
        {
            _texts.Enqueue($"{tag.Key}={tag.Value}");
        }

        foreach (var activityEvent in activity.Events)
        {
            _texts.Enqueue(activityEvent.Name);
            foreach (var tag in activityEvent.Tags)
            {
                _texts.Enqueue($"{tag.Key}={tag.Value}");
            }
        }
    }

    private void RecordTags(string instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            _texts.Enqueue($"{instrument} {tag.Key}={tag.Value}");
        }
    }
}
