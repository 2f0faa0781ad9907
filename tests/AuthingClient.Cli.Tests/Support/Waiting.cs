namespace AuthingClient.Cli.Tests.Support;

/// <summary>Waits for something a test expects to happen, with a safety net so a broken CLI fails the test instead of hanging it.</summary>
internal static class Waiting
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Whether <paramref name="task"/> completed (false only if it never would).</summary>
    public static async Task<bool> Until(Task task)
    {
        try
        {
            await task.WaitAsync(Patience);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
