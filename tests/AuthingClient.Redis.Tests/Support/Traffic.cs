using System.Diagnostics;

namespace AuthingClient.Redis.Tests.Support;

/// <summary>One answer of a <see cref="Traffic"/> run: when it was asked, how long it took, what came back.</summary>
internal readonly record struct TrafficAnswer<T>(DateTime At, TimeSpan Took, T Answer);

/// <summary>Asks one question after another until stopped, timing each: what a client saw while something happened to Redis.</summary>
internal static class Traffic
{
    private const int MostQuestions = 50_000;

    public static Task<List<TrafficAnswer<T>>> RunAsync<T>(Func<Task<T>> ask, CancellationToken stop) =>
        RunAsync(ask, static _ => false, stop);

    /// <summary>Asks until <paramref name="done"/> says the answers so far are enough, or until stopped.</summary>
    public static async Task<List<TrafficAnswer<T>>> RunAsync<T>(Func<Task<T>> ask, Func<List<TrafficAnswer<T>>, bool> done, CancellationToken stop)
    {
        // Off the test's thread, so the test goes on to act on Redis while the questions run.
        await Task.Yield();
        var answers = new List<TrafficAnswer<T>>();
        var deadline = Stopwatch.GetTimestamp() + (long)(FleetInstance.Patience.TotalSeconds * Stopwatch.Frequency);
        while (!stop.IsCancellationRequested && answers.Count < MostQuestions && Stopwatch.GetTimestamp() < deadline)
        {
            var at = DateTime.UtcNow;
            var started = Stopwatch.GetTimestamp();
            var answer = await ask();
            answers.Add(new(at, Stopwatch.GetElapsedTime(started), answer));
            if (done(answers))
            {
                break;
            }
        }

        return answers;
    }

    /// <summary>The answers in the order they first differed from the one before (Healthy, Degraded, Healthy...).</summary>
    public static List<T> Changes<T>(IEnumerable<TrafficAnswer<T>> answers)
    {
        var changes = new List<T>();
        foreach (var answer in answers)
        {
            if (changes.Count == 0 || !EqualityComparer<T>.Default.Equals(changes[^1], answer.Answer))
            {
                changes.Add(answer.Answer);
            }
        }

        return changes;
    }
}
