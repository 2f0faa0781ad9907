using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AuthingClient.OpenTelemetry.Tests.Support;

/// <summary>
/// An OpenTelemetry SDK set up the way the README says (one line each for traces and metrics),
/// exporting to memory.
/// </summary>
internal sealed class ExportedTelemetry : IDisposable
{
    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly TracerProvider _tracerProvider;
    private readonly MeterProvider _meterProvider;

    public ExportedTelemetry()
    {
        _tracerProvider = Sdk.CreateTracerProviderBuilder()
            .AddAuthingClientInstrumentation()
            .AddInMemoryExporter(_spans)
            .Build();
        _meterProvider = Sdk.CreateMeterProviderBuilder()
            .AddAuthingClientInstrumentation()
            .AddInMemoryExporter(_metrics)
            .Build();
    }

    /// <summary>The spans exported so far (the in-memory exporter exports each as it stops).</summary>
    public IReadOnlyList<Activity> Spans => _spans;

    /// <summary>Collects the metrics now and returns the last snapshot of each.</summary>
    public IReadOnlyList<MetricSnapshot> CollectMetrics()
    {
        _metrics.Clear();
        Assert.True(_meterProvider.ForceFlush(timeoutMilliseconds: 30_000));
        return [.. _metrics];
    }

    public Activity Span(string name) => Assert.Single(_spans, span => span.OperationName == name);

    public MetricSnapshot Metric(string name) => Assert.Single(CollectMetrics(), metric => metric.Name == name);

    /// <summary>Every attribute of every exported span, span event and metric point, as "key=value".</summary>
    public IReadOnlyList<string> AllAttributes()
    {
        var texts = new List<string>();
        foreach (var span in _spans)
        {
            texts.Add($"{span.OperationName} {span.DisplayName} {span.StatusDescription}");
            texts.AddRange(span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"));
            texts.AddRange(span.Events.SelectMany(e => e.Tags.Select(tag => $"{e.Name} {tag.Key}={tag.Value}")));
        }

        foreach (var metric in CollectMetrics())
        {
            texts.AddRange(metric.MetricPoints.SelectMany(point => Tags(point).Select(tag => $"{metric.Name} {tag.Key}={tag.Value}")));
        }

        return texts;
    }

    public static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            tags.Add(tag.Key, tag.Value);
        }

        return tags;
    }

    public void Dispose()
    {
        _tracerProvider.Dispose();
        _meterProvider.Dispose();
    }
}
