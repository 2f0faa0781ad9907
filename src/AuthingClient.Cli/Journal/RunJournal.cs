using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AuthingClient.Cli.Output;
using AuthingClient.Cli.Revocation;
using AuthingClient.Diagnostics;

namespace AuthingClient.Cli.Journal;

/// <summary>
/// The <c>--journal</c> file: the tokens a run has settled — Authing answered for them, revoked or
/// <c>unsupported_token_type</c> — so that the same command run again skips them and still reports
/// them, in input order. Tokens appear only as their SHA-256 (the library's token hash, whose first
/// 12 hex digits are its fingerprint); the file is readable and writable by its owner only.
/// </summary>
/// <remarks>
/// <para>
/// Format: a header line naming the target (<c>authing-revoke journal v1 TARGET</c>), then one line
/// per settled token, <c>HASH r</c> (revoked) or <c>HASH n</c> (not revoked), appended as each answer
/// comes — in the order answers come, not in input order, so a token settled behind a slow one is
/// not lost with it. Failed and invalid tokens are not recorded: a re-run tries them again.
/// </para>
/// <para>
/// Crash safety: each line is one <c>write</c> to the file as soon as the answer is in (no buffer in
/// the process), so a process killed with <c>kill -9</c> loses only the requests that were in flight.
/// The file is synced to disk (fsync) at most once a second and when the run ends, so a machine
/// crash loses at most the last second's records: those tokens are revoked again on the re-run,
/// which is harmless (RFC 7009 revocation is idempotent). A line torn by a crash is dropped on open.
/// </para>
/// </remarks>
internal sealed class RunJournal : IDisposable
{
    private const string Magic = "authing-revoke journal v1 ";
    private const int HashHexLength = SHA256.HashSizeInBytes * 2;
    private static readonly TimeSpan SyncInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly FileStream _file;
    private readonly Dictionary<UInt128, RevocationOutcome> _settled;
    private readonly TimeProvider _time;
    private long _lastSync;
    private long _skipped;

    private RunJournal(FileStream file, Dictionary<UInt128, RevocationOutcome> settled, string path, TimeProvider time)
    {
        _file = file;
        _settled = settled;
        Path = path;
        _time = time;
        _lastSync = time.GetTimestamp();
    }

    public string Path { get; }

    /// <summary>How many tokens the journal held when the run started.</summary>
    public int SettledBefore { get; private init; }

    /// <summary>How many tokens of this run were reported from the journal instead of being sent.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Opens the journal at <paramref name="path"/> for <paramref name="target"/>, creating it (mode 0600) if needed.</summary>
    /// <exception cref="IOException">The file cannot be opened, or it is not a journal of this target.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be written.</exception>
    public static RunJournal Open(string path, string target, TimeProvider time)
    {
        var file = OwnerOnlyFile.Open(path, new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.ReadWrite,
            Share = FileShare.Read,

            // No buffer in the process: every record is a write the kernel holds, even if the process is killed.
            BufferSize = 0,
        });
        try
        {
            var header = Magic + target;
            var settled = new Dictionary<UInt128, RevocationOutcome>();
            var end = Read(file, header, path, settled);
            file.SetLength(end);
            file.Position = end;
            if (end == 0)
            {
                Append(file, header);
            }

            return new RunJournal(file, settled, path, time) { SettledBefore = settled.Count };
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>A token's key: its SHA-256 (the library's token hash), of which the first 128 bits tell any number of tokens apart.</summary>
    public static TokenKey KeyOf(string token)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        TokenFingerprint.Sha256(token, hash);
        return new TokenKey(BinaryPrimitives.ReadUInt128BigEndian(hash), Convert.ToHexStringLower(hash));
    }

    /// <summary>The outcome the journal holds for the token, if it was settled.</summary>
    public TokenOutcome? Settled(TokenKey key)
    {
        RevocationOutcome kind;
        lock (_lock)
        {
            if (!_settled.TryGetValue(key.Value, out kind))
            {
                return null;
            }
        }

        Interlocked.Increment(ref _skipped);
        return kind == RevocationOutcome.Revoked ? TokenOutcome.Revoked : TokenRevoker.NotRevoked;
    }

    /// <summary>Records the token's outcome, if it settles it (revoked or not revoked).</summary>
    public void Record(TokenKey key, TokenOutcome outcome)
    {
        if (!outcome.Settled)
        {
            return;
        }

        var line = $"{key.Hex} {(outcome.Outcome == RevocationOutcome.Revoked ? 'r' : 'n')}";
        lock (_lock)
        {
            if (!_settled.TryAdd(key.Value, outcome.Outcome))
            {
                return;
            }

            Append(_file, line);
            if (_time.GetElapsedTime(_lastSync) >= SyncInterval)
            {
                _file.Flush(flushToDisk: true);
                _lastSync = _time.GetTimestamp();
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _file.Flush(flushToDisk: true);
            _file.Dispose();
        }
    }

    private static void Append(FileStream file, string line) => file.Write(Encoding.ASCII.GetBytes(line + "\n"));

    /// <summary>Reads the records into <paramref name="settled"/>; returns where the last whole line ends.</summary>
    private static long Read(FileStream file, string header, string path, Dictionary<UInt128, RevocationOutcome> settled)
    {
        // A line without its newline was torn by a crash: it is dropped (and overwritten by the next record).
        var end = EndOfLastLine(file);
        if (end == 0)
        {
            return 0;
        }

        file.Position = 0;
        using var reader = new StreamReader(file, Encoding.ASCII, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        long read = 0;
        for (var number = 1; read < end && reader.ReadLine() is { } line; number++)
        {
            read += line.Length + 1;
            if (number == 1)
            {
                CheckHeader(line, header, path);
            }
            else if (TryParse(line, out var key, out var kind))
            {
                settled[key] = kind;
            }
            else
            {
                throw new IOException($"{path}, line {number}: not a journal record.");
            }
        }

        return end;
    }

    private static long EndOfLastLine(FileStream file)
    {
        var buffer = new byte[4096];
        for (var position = file.Length; position > 0;)
        {
            var chunk = (int)Math.Min(buffer.Length, position);
            position -= chunk;
            file.Position = position;
            file.ReadExactly(buffer, 0, chunk);
            var newline = Array.LastIndexOf(buffer, (byte)'\n', chunk - 1, chunk);
            if (newline >= 0)
            {
                return position + newline + 1;
            }
        }

        return 0;
    }

    private static void CheckHeader(string line, string header, string path)
    {
        if (string.Equals(line, header, StringComparison.Ordinal))
        {
            return;
        }

        throw new IOException(line.StartsWith(Magic, StringComparison.Ordinal)
            ? $"{path} is the journal of another run ({line[Magic.Length..]}), not of this one ({header[Magic.Length..]}): use another --journal file."
            : $"{path} is not an authing-revoke journal.");
    }

    private static bool TryParse(string line, out UInt128 key, out RevocationOutcome kind)
    {
        kind = line.Length > 0 && line[^1] == 'r' ? RevocationOutcome.Revoked : RevocationOutcome.NotRevoked;
        key = default;
        return line.Length == HashHexLength + 2 && line[HashHexLength] == ' ' && line[^1] is 'r' or 'n'
            && UInt128.TryParse(line.AsSpan(0, 32), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out key);
    }
}

/// <summary>A token as the journal knows it: its SHA-256 as hex, and the first 128 bits of it.</summary>
internal readonly record struct TokenKey(UInt128 Value, string Hex);
