namespace AuthingClient.Cli.Tests.Support;

/// <summary>
/// Captured stdout that counts the result lines as they are written, so a test can wait for the
/// K-th one or act at that very moment (e.g. press Ctrl-C), without sleeping.
/// </summary>
internal sealed class CountingWriter : StringWriter
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _target;
    private readonly Action? _atTarget;
    private readonly bool _keep;
    private int _lines;

    /// <param name="target">The line count that completes <see cref="Reached"/>.</param>
    /// <param name="atTarget">Run synchronously while the target line is written.</param>
    /// <param name="keep">Whether to keep the text (a huge run only needs the count).</param>
    public CountingWriter(int target = int.MaxValue, Action? atTarget = null, bool keep = true)
    {
        _target = target;
        _atTarget = atTarget;
        _keep = keep;
    }

    public int Lines => Volatile.Read(ref _lines);

    /// <summary>Completes once <c>target</c> lines were written.</summary>
    public Task Reached => _reached.Task;

    public override void WriteLine(string? value)
    {
        if (_keep)
        {
            base.WriteLine(value);
        }

        if (Interlocked.Increment(ref _lines) == _target)
        {
            _atTarget?.Invoke();
            _reached.SetResult();
        }
    }
}
