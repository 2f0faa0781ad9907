namespace AuthingClient.Cli.Settings;

/// <summary>
/// Everything one <c>revoke</c> run needs, from flags and environment variables (flags win).
/// <see langword="null"/> means "not given": an empty flag or variable counts as given, so that an
/// unset shell variable fails validation instead of silently switching to the stand-in.
/// </summary>
internal sealed record CliSettings(
    IReadOnlyList<string> Tokens,
    string? AppHost,
    string? AppId,
    string? AppSecret,
    AuthingProtocol Protocol,
    ClientAuthenticationMethod AuthMethod,
    TokenTypeHint? Hint,
    bool Json)
{
    /// <summary>Whether no Authing domain was given at all, so the built-in stand-in is used.</summary>
    public bool UsesStandIn => AppHost is null;

    /// <summary>Never shows the secret or the tokens.</summary>
    public override string ToString() =>
        $"CliSettings(Tokens={Tokens.Count}, AppHost={AppHost}, AppId={AppId}, AppSecret={(AppSecret is null ? "(none)" : "***")}, Protocol={Protocol}, AuthMethod={AuthMethod}, Hint={Hint}, Json={Json})";
}
