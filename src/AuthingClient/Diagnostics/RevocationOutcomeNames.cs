namespace AuthingClient.Diagnostics;

/// <summary>The outcomes' names in logs, traces, metrics and the CLI's output.</summary>
internal static class RevocationOutcomeNames
{
    public static string ToTagValue(this RevocationOutcome outcome) => outcome switch
    {
        RevocationOutcome.Revoked => "revoked",
        RevocationOutcome.NotRevoked => "not_revoked",
        RevocationOutcome.Refused => "refused",
        RevocationOutcome.Timeout => "timeout",
        RevocationOutcome.TransportError => "transport_error",
        RevocationOutcome.Canceled => "canceled",

        // A new outcome must get its own name here, not borrow another one's; Unknown is never reported.
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "An outcome without a tag value."),
    };

    /// <summary>Whether the outcome leaves the token possibly valid at Authing (an <see cref="AuthingRevocationException"/> comes with it).</summary>
    public static bool IsFailure(this RevocationOutcome outcome) =>
        outcome is RevocationOutcome.Refused or RevocationOutcome.Timeout or RevocationOutcome.TransportError;
}
