using System.Globalization;

namespace AuthingClient.Redis;

/// <summary>A Redis Stream entry ID (<c>milliseconds-sequence</c>): where a replica has read the revocation log up to.</summary>
internal readonly record struct LogPosition(long Milliseconds, long Sequence) : IComparable<LogPosition>
{
    /// <summary>Before every entry.</summary>
    public static readonly LogPosition Start = new(0, 0);

    /// <summary>The first ID after this one: where reading on starts (inclusive), on every Redis version.</summary>
    public LogPosition Next => Sequence == long.MaxValue ? new(Milliseconds + 1, 0) : new(Milliseconds, Sequence + 1);

    public static LogPosition Parse(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        return dash < 0
            ? new(long.Parse(id, CultureInfo.InvariantCulture), 0)
            : new(long.Parse(id.AsSpan(0, dash), CultureInfo.InvariantCulture), long.Parse(id.AsSpan(dash + 1), CultureInfo.InvariantCulture));
    }

    public int CompareTo(LogPosition other) =>
        Milliseconds != other.Milliseconds ? Milliseconds.CompareTo(other.Milliseconds) : Sequence.CompareTo(other.Sequence);

    public static bool operator <(LogPosition left, LogPosition right) => left.CompareTo(right) < 0;

    public static bool operator >(LogPosition left, LogPosition right) => left.CompareTo(right) > 0;

    public static bool operator <=(LogPosition left, LogPosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(LogPosition left, LogPosition right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Milliseconds}-{Sequence}");
}
