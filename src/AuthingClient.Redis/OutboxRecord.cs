using System.Globalization;
using System.IO.Hashing;
using System.Text;
using AuthingClient.Revocation;

namespace AuthingClient.Redis;

/// <summary>
/// One line of an outbox file: a mark (<c>M seq key revoked-at end crc</c>: the
/// <see cref="RevocationEntry"/>'s fields as the registry holds them), or how many of the file's marks
/// Redis has confirmed so far (<c>C count crc</c>). Each line carries a CRC-32 of the rest, so a line
/// a crash cut short or a damaged disk block garbled is recognised and skipped alone.
/// </summary>
internal readonly record struct OutboxRecord(long Sequence, RevocationEntry Entry, long Confirmed, bool IsMark)
{
    public static OutboxRecord Mark(long sequence, RevocationEntry entry) => new(sequence, entry, 0, IsMark: true);

    public static OutboxRecord Confirmation(long confirmed) => new(0, default, confirmed, IsMark: false);

    /// <summary>The line, newline included.</summary>
    public string Format()
    {
        var body = IsMark
            ? string.Create(CultureInfo.InvariantCulture, $"M {Sequence} {Entry.Key} {Entry.RevokedAtUnixSeconds} {Entry.ExpiresAtUnixMs}")
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
            case ["M", var sequence, var key, var revokedAt, var end]
                when long.TryParse(sequence, CultureInfo.InvariantCulture, out var s) && RevocationKey.TryParse(key, out var k)
                    && long.TryParse(revokedAt, CultureInfo.InvariantCulture, out var r) && long.TryParse(end, CultureInfo.InvariantCulture, out var e):
                record = Mark(s, new RevocationEntry(k, r, e));
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
