using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace AuthingClient.Redis.Tests.Support;

/// <summary>
/// Listens to the runtime's thread-pool events in this process and keeps every time the pool added
/// threads because its threads were blocked (starvation, or a thread-pool thread waiting
/// synchronously on a task): the signature of a stall in which requests queue behind blocked
/// threads, whatever the clock says.
/// </summary>
internal sealed class ThreadPoolWatch : EventListener
{
    // ThreadPoolWorkerThreadAdjustmentAdjustment's reasons (the runtime's ThreadAdjustmentReasonMap).
    private const uint Starvation = 6;
    private const uint CooperativeBlocking = 8;
    private const int AdjustmentEventId = 55;
    private const EventKeywords ThreadingKeyword = (EventKeywords)0x10000;

    private const string BlockedOnTask = "a thread blocked on a task";

    private readonly ConcurrentQueue<string> _injections = new();
    private volatile bool _enabled;

    public ThreadPoolWatch() => _enabled = true;

    /// <summary>Each injection of threads for blocked threads seen, with the pool's thread count after it.</summary>
    public IReadOnlyCollection<string> BlockedInjections => _injections;

    /// <summary>
    /// The injections for a thread-pool thread waiting synchronously on a task (a <c>.Wait()</c> on
    /// a pool thread, as StackExchange.Redis's Sentinel mode does when it switches primaries): never
    /// caused by anything but blocking. Starvation injections are also caused by a host whose cores
    /// other processes keep busy (a CI run testing several projects at once), so they are reported,
    /// not asserted.
    /// </summary>
    public IEnumerable<string> SyncOverAsyncInjections => _injections.Where(injection => injection.Contains(BlockedOnTask, StringComparison.Ordinal));

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Informational, ThreadingKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_enabled || eventData.EventId != AdjustmentEventId || eventData.Payload is not { Count: >= 3 } payload)
        {
            return;
        }

        if (payload[2] is uint reason && reason is Starvation or CooperativeBlocking)
        {
            _injections.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {(reason == Starvation ? "starvation" : BlockedOnTask)}: {payload[1]} threads");
        }
    }

    public override void Dispose()
    {
        _enabled = false;
        base.Dispose();
    }
}
