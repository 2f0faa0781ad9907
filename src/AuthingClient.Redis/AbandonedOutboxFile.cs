using AuthingClient.Revocation;
using Microsoft.Extensions.Logging;

namespace AuthingClient.Redis;

/// <summary>
/// An outbox file an earlier process left (it crashed, or stopped before Redis confirmed its marks):
/// its unconfirmed marks, and the file, held locked until the marks are in this process's own file.
/// </summary>
internal sealed class AbandonedOutboxFile : IDisposable
{
    private readonly FileStream _file;

    private AbandonedOutboxFile(FileStream file, List<RevocationEntry> marks)
    {
        _file = file;
        Marks = marks;
    }

    public IReadOnlyList<RevocationEntry> Marks { get; }

    /// <summary>
    /// Every file in <paramref name="directory"/> but <paramref name="own"/> that no live process
    /// holds. A line that is torn or damaged is skipped and logged; a file that cannot be read is
    /// logged and left alone: neither stops the start.
    /// </summary>
    public static List<AbandonedOutboxFile> Read(string directory, string own, ILogger logger)
    {
        var found = new List<AbandonedOutboxFile>();
        foreach (var path in Directory.EnumerateFiles(directory, "outbox-*.log"))
        {
            if (path == own)
            {
                continue;
            }

            FileStream file;
            try
            {
                // Locked as its owner locked it: two processes starting at once never both take it over.
                file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
            }
            catch (IOException)
            {
                // Locked: a live process owns it.
                continue;
            }
            catch (UnauthorizedAccessException ex)
            {
                ReplicaLog.OutboxFileUnreadable(logger, path, ex);
                continue;
            }

            try
            {
                found.Add(new AbandonedOutboxFile(file, ReadMarks(file, path, logger)));
            }
            catch (IOException ex)
            {
                ReplicaLog.OutboxFileUnreadable(logger, path, ex);
                file.Dispose();
            }
        }

        return found;
    }

    /// <summary>The marks are safe in this process's file: the old one goes.</summary>
    public void Delete()
    {
        // Closed first: an open file cannot be deleted everywhere. A process that takes it over in
        // between only publishes its marks again.
        _file.Dispose();
        File.Delete(_file.Name);
    }

    public void Dispose() => _file.Dispose();

    private static List<RevocationEntry> ReadMarks(FileStream file, string path, ILogger logger)
    {
        var marks = new List<(long Sequence, RevocationEntry Entry)>();
        long confirmed = 0;
        var damaged = 0;
        using var reader = new StreamReader(file, leaveOpen: true);
        while (reader.ReadLine() is { } line)
        {
            if (!OutboxRecord.TryParse(line, out var record))
            {
                damaged++;
            }
            else if (record.IsMark)
            {
                marks.Add((record.Sequence, record.Entry));
            }
            else
            {
                confirmed = Math.Max(confirmed, record.Confirmed);
            }
        }

        if (damaged > 0)
        {
            ReplicaLog.OutboxLinesDamaged(logger, damaged, path);
        }

        return marks.Where(mark => mark.Sequence > confirmed).Select(mark => mark.Entry).ToList();
    }
}
