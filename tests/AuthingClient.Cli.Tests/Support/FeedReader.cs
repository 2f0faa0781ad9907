using System.Threading.Channels;

namespace AuthingClient.Cli.Tests.Support;

/// <summary>Standard input that the test feeds while the run goes on, like a pipe from a slow producer.</summary>
internal sealed class FeedReader : TextReader
{
    private readonly Channel<string> _feed = Channel.CreateUnbounded<string>();
    private string _current = string.Empty;
    private int _offset;

    public void Write(string text) => Assert.True(_feed.Writer.TryWrite(text));

    /// <summary>End of input.</summary>
    public void End() => _feed.Writer.Complete();

    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        while (_offset == _current.Length)
        {
            if (!await _feed.Reader.WaitToReadAsync(cancellationToken))
            {
                return 0;
            }

            _current = await _feed.Reader.ReadAsync(cancellationToken);
            _offset = 0;
        }

        var count = Math.Min(buffer.Length, _current.Length - _offset);
        _current.AsMemory(_offset, count).CopyTo(buffer);
        _offset += count;
        return count;
    }
}
