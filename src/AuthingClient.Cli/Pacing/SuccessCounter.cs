namespace AuthingClient.Cli.Pacing;

/// <summary>
/// How many attempts the server accepted in about the last second, in ten buckets of 100 ms of
/// the run's clock: the first throttled answer sets the run's pace from it.
/// </summary>
internal sealed class SuccessCounter(TimeProvider time)
{
    private const int Buckets = 10;
    private readonly Lock _lock = new();
    private readonly long[] _counts = new long[Buckets];
    private readonly long[] _slots = new long[Buckets];

    public void Add()
    {
        var slot = Slot();
        lock (_lock)
        {
            var index = (int)(slot % Buckets);
            if (_slots[index] != slot)
            {
                _slots[index] = slot;
                _counts[index] = 0;
            }

            _counts[index]++;
        }
    }

    public long LastSecond()
    {
        var slot = Slot();
        lock (_lock)
        {
            long total = 0;
            for (var i = 0; i < Buckets; i++)
            {
                if (slot - _slots[i] < Buckets)
                {
                    total += _counts[i];
                }
            }

            return total;
        }
    }

    private long Slot() => time.GetTimestamp() / Math.Max(1, time.TimestampFrequency / Buckets);
}
