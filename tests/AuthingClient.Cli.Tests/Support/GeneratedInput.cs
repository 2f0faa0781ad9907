namespace AuthingClient.Cli.Tests.Support;

/// <summary>
/// Standard input that makes up its lines as they are read (nothing is held in memory), and
/// records how far reading ever got ahead of the result lines written to <c>stdout</c>.
/// </summary>
internal sealed class GeneratedInput : TextReader
{
    private readonly Func<int, string> _line;
    private readonly int _lineCount;
    private readonly CountingWriter _stdout;
    private string _current = string.Empty;
    private int _offset;
    private int _linesHandedOut;

    /// <param name="lineCount">How many lines the input has.</param>
    /// <param name="line">Line i (from 1), without its line break.</param>
    /// <param name="stdout">Where the run writes its result lines.</param>
    public GeneratedInput(int lineCount, Func<int, string> line, CountingWriter stdout)
    {
        _lineCount = lineCount;
        _line = line;
        _stdout = stdout;
    }

    /// <summary>The most complete lines ever handed out beyond those reported on stdout.</summary>
    public int MaxLinesAhead { get; private set; }

    public override int Read(Span<char> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_offset == _current.Length)
            {
                if (_linesHandedOut == _lineCount)
                {
                    break;
                }

                _current = _line(_linesHandedOut + 1) + "\n";
                _offset = 0;
            }

            var count = Math.Min(buffer.Length - written, _current.Length - _offset);
            _current.AsSpan(_offset, count).CopyTo(buffer[written..]);
            _offset += count;
            written += count;
            if (_offset == _current.Length)
            {
                _linesHandedOut++;
            }
        }

        MaxLinesAhead = Math.Max(MaxLinesAhead, _linesHandedOut - _stdout.Lines);
        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));
}
