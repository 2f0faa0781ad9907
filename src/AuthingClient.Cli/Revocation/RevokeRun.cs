using AuthingClient.Cli.Output;
using AuthingClient.Cli.Settings;
using Microsoft.Extensions.Options;

namespace AuthingClient.Cli.Revocation;

/// <summary>
/// One <c>revoke</c> run: set up the client (or the built-in stand-in), revoke each token in
/// order, report each result, and choose the exit code.
/// </summary>
internal static class RevokeRun
{
    public static async Task<int> RunAsync(CliSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var output = new OutputWriter(stdout, stderr, settings.Json);

        RevocationTarget target;
        try
        {
            target = RevocationTarget.Create(settings);
        }
        catch (OptionsValidationException ex)
        {
            // The library's messages name the setting and never contain the secret.
            output.Problems("invalid configuration:", ex.Failures.Select(ConfigurationHints.Explain));
            return ExitCodes.UsageError;
        }
        catch (ArgumentException ex)
        {
            // The stand-in refused its settings (e.g. an empty app id); its messages never contain the secret.
            output.Problems("invalid configuration:", [ex.Message]);
            return ExitCodes.UsageError;
        }

        using (target)
        {
            if (target.StandIn is { } standIn)
            {
                output.Notice($"No app host configured (--app-host or {EnvironmentVariables.AppHost}): using the built-in local Authing stand-in at {standIn.AppHost}. Nothing is revoked at Authing.");
            }

            var kinds = new List<TokenOutcomeKind>(settings.Tokens.Count);
            for (var i = 0; i < settings.Tokens.Count; i++)
            {
                TokenOutcome outcome;
                try
                {
                    outcome = await TokenRevoker.RevokeAsync(target.Client, settings.Tokens[i], settings.Hint, settings.AppSecret, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    output.Notice($"cancelled: {settings.Tokens.Count - i} of {settings.Tokens.Count} token(s) not confirmed.");
                    return ExitCodes.Cancelled;
                }

                output.Result(i + 1, settings.Tokens[i], outcome);
                kinds.Add(outcome.Kind);
            }

            return ExitCodeOf(kinds);
        }
    }

    private static int ExitCodeOf(List<TokenOutcomeKind> kinds) =>
        kinds.Contains(TokenOutcomeKind.InvalidToken) ? ExitCodes.UsageError
        : kinds.Contains(TokenOutcomeKind.Failed) ? ExitCodes.RequestFailed
        : kinds.Contains(TokenOutcomeKind.NotRevoked) ? ExitCodes.NotRevoked
        : ExitCodes.AllRevoked;
}
