using System.Collections.Concurrent;
using System.Text;
using AuthingClient.Revocation;
using Microsoft.Extensions.Logging;

namespace AuthingClient.Redis;

/// <summary>
/// The durable side of the <see cref="RevocationOutbox"/> (<see cref="RedisRevokedTokenRegistryOptions.OutboxPath"/>):
/// every mark is appended to this process's file and flushed to disk (fsync) before the call that
/// made it returns, then queued for Redis; once Redis confirms marks, a confirmation line follows,
/// and a file whose every mark is confirmed is emptied. A process that starts with the same folder
/// takes over the files that no live process holds (each process locks its own), publishes their
/// unconfirmed marks, and deletes them.
/// </summary>
/// <remarks>
/// Writes and flushes run on a thread of their own, never on the thread pool: an fsync takes
/// milliseconds, and marks that arrive while one runs share the next (group commit).
/// </remarks>
internal sealed class OutboxFile : IDisposable
{
    private const string Pattern = "outbox-*.log";
    private const int MostPerWrite = RevocationLog.PageSize;

    private readonly BlockingCollection<Write> _writes = [];
    private readonly FileStream _file;
    private readonly RevocationOutbox _outbox;
    private readonly ILogger _logger;
    private readonly Thread _writer;
    private long _written;
    private long _confirmed;
    private long _flushes;

    private OutboxFile(FileStream file, RevocationOutbox outbox, ILogger logger)
    {
        _file = file;
        _outbox = outbox;
        _logger = logger;
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "Authing revocation outbox" };
        _writer.Start();
    }

    /// <summary>This process's file.</summary>
    public string Path => _file.Name;

    /// <summary>How many times marks were flushed to disk (each flush serves every mark written with it).</summary>
    public long Flushes => Interlocked.Read(ref _flushes);

    /// <summary>
    /// Opens a new file of this process's own in <paramref name="directory"/> (created if missing),
    /// and reads the marks that earlier processes left unconfirmed in theirs.
    /// </summary>
    /// <returns>The file, or <see langword="null"/> when the folder cannot be written (logged: marks then live in memory only).</returns>
    public static OutboxFile? Open(string directory, RevocationOutbox outbox, ILogger logger, out IReadOnlyList<AbandonedOutboxFile> leftBehind)
    {
        leftBehind = [];
        try
        {
            Directory.CreateDirectory(directory);
            var path = System.IO.Path.Combine(directory, $"outbox-{Guid.NewGuid():N}.log");

            // FileShare.None locks the file (flock on Unix) for as long as this process lives, so
            // no other process takes it over.
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
            leftBehind = AbandonedOutboxFile.Read(directory, path, logger);
            return new OutboxFile(file, outbox, logger);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Never stops the start: the registry works on, with the outbox in memory.
            ReplicaLog.OutboxFileUnusable(logger, ex);
            return null;
        }
    }

    /// <summary>Writes <paramref name="entry"/> to disk, then queues it for Redis; completes once both are done.</summary>
    public Task AppendAsync(RevocationEntry entry)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!TryAdd(new Write(entry, 0, done)))
        {
            // Stopping: the mark is still published from memory while the outbox drains.
            _outbox.Enqueue(entry);
            done.SetResult();
        }

        return done.Task;
    }

    /// <summary>Redis confirmed the next <paramref name="count"/> marks (the outbox confirms in the order marks were written).</summary>
    public void Confirmed(int count) => TryAdd(new Write(null, count, null));

    /// <summary>Writes what is queued, closes the file, and deletes it when Redis confirmed every mark in it.</summary>
    public void Dispose()
    {
        _writes.CompleteAdding();
        _writer.Join();
        _writes.Dispose();
        var everyMarkConfirmed = _confirmed >= _written;
        _file.Dispose();
        if (everyMarkConfirmed)
        {
            File.Delete(_file.Name);
        }
        else
        {
            ReplicaLog.OutboxKept(_logger, _written - _confirmed, _file.Name);
        }
    }

    private bool TryAdd(Write write)
    {
        try
        {
            return _writes.TryAdd(write);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            // Closed: the registry is stopping.
            return false;
        }
    }

    private void WriteLoop()
    {
        var batch = new List<Write>(MostPerWrite);
        foreach (var first in _writes.GetConsumingEnumerable())
        {
            batch.Add(first);
            while (batch.Count < MostPerWrite && _writes.TryTake(out var next))
            {
                batch.Add(next);
            }

            WriteBatch(batch);
            batch.Clear();
        }
    }

    private void WriteBatch(List<Write> batch)
    {
        var text = new StringBuilder();
        var marks = false;
        foreach (var write in batch)
        {
            if (write.Entry is { } entry)
            {
                text.Append(OutboxRecord.Mark(++_written, entry).Format());
                marks = true;
            }
            else
            {
                _confirmed += write.Confirmed;
                text.Append(OutboxRecord.Confirmation(_confirmed).Format());
            }
        }

        try
        {
            if (_confirmed >= _written)
            {
                // Everything is confirmed: start the file over rather than let it grow. Not flushed:
                // after a crash, marks a stale file still holds are only published again (harmless).
                _file.SetLength(0);
            }
            else
            {
                _file.Write(Encoding.UTF8.GetBytes(text.ToString()));
                _file.Flush(flushToDisk: marks);
                if (marks)
                {
                    Interlocked.Increment(ref _flushes);
                }
            }
        }
        catch (IOException ex)
        {
            // The disk failed: the marks are still enforced here and published from memory.
            ReplicaLog.OutboxWriteFailed(_logger, ex);
        }

        foreach (var write in batch)
        {
            if (write.Entry is { } entry)
            {
                _outbox.Enqueue(entry);
                write.Done!.SetResult();
            }
        }
    }

    private readonly record struct Write(RevocationEntry? Entry, int Confirmed, TaskCompletionSource? Done);
}
