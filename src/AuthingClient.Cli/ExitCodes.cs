namespace AuthingClient.Cli;

/// <summary>
/// The process exit codes scripts rely on. When several apply, the most serious wins:
/// <see cref="UsageError"/>, then <see cref="RequestFailed"/>, then <see cref="NotRevoked"/>.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Every token was revoked.</summary>
    public const int AllRevoked = 0;

    /// <summary>At least one token was not revoked: Authing answered <c>unsupported_token_type</c>.</summary>
    public const int NotRevoked = 1;

    /// <summary>Bad flags, invalid configuration, or a malformed token argument or input line.</summary>
    public const int UsageError = 2;

    /// <summary>At least one revocation failed: Authing refused the request, or it could not be confirmed (network, time-out).</summary>
    public const int RequestFailed = 3;

    /// <summary>Interrupted (Ctrl-C), by the shell convention 128 + SIGINT.</summary>
    public const int Cancelled = 130;

    public static string HelpText =>
        $"""
          {AllRevoked}    every token was revoked
          {NotRevoked}    some token was not revoked (Authing answered unsupported_token_type)
          {UsageError}    usage or configuration error, or a malformed TOKEN or input line (the other tokens are still revoked)
          {RequestFailed}    some revocation failed: Authing refused the request (e.g. invalid_client) or could not be reached
          {Cancelled}  interrupted
        """;
}
