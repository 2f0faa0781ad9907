using System.Globalization;
using System.IO.Hashing;
using System.Text;
using AuthingClient.Revocation;

namespace AuthingClient.Redis;

/// <summary>
/// One line of an outbox file: a mark (<c>M seq key end crc</c>), or how many of the file's marks
/// Redis has confirmed so far (<c>C count crc</c>). Each line carries a CRC-32 of the rest, so a line
/// a crash cut short or a damaged disk block garbled is recognised and skipped alone.
/// </summary>
internal readonly record struct OutboxRecord(long Sequence, RevocationKey Key, long EndUnixMs, long Confirmed, bool IsMark)
{
    public static OutboxRecord Mark(long sequence, KeyValuePair<RevocationKey, long> entry) => new(sequence, entry.Key, entry.Value, 0, IsMark: true);

    public static OutboxRecord Confirmation(long confirmed) => new(0, default, 0, confirmed, IsMark: false);

    public KeyValuePair<RevocationKey, long> Entry => new(Key, EndUnixMs);

    /// <summary>The line, newline included.</summary>
    public string Format()
    {
        var body = IsMark
            ? string.Create(CultureInfo.InvariantCulture, $"M {Sequence} {Key} {EndUnixMs}")
            : string.Create(CultureInfo.InvariantCulture, $"C {Confirmed}");
        return string.Create(CultureInfo.InvariantCulture, $"{body} {Checksum(body):x8}\n");
    }

    /// <summary>Reads one line (without its newline); <see langword="false"/> for a torn or damaged one.</summary>
    public static bool TryParse(string line, out OutboxRecord record)
    {
        record = default;
        var last = line.LastIndexOf(' ');
        if (last < 0 || !uint.TryParse(line.AsSpan(last + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var checksum)
            || Checksum(line[..last]) != checksum)
        {
            return false;
        }

        var fields = line[..last].Split(' ');
        switch (fields)
        {
            case ["M", var sequence, var key, var end]
                when long.TryParse(sequence, CultureInfo.InvariantCulture, out var s) && RevocationKey.TryParse(key, out var k) && long.TryParse(end, CultureInfo.InvariantCulture, out var e):
                record = new(s, k, e, 0, IsMark: true);
                return true;
            case ["C", var confirmed] when long.TryParse(confirmed, CultureInfo.InvariantCulture, out var c):
                record = Confirmation(c);
                return true;
            default:
                return false;
        }
    }

    private static uint Checksum(string body) => Crc32.HashToUInt32(Encoding.UTF8.GetBytes(body));
}
