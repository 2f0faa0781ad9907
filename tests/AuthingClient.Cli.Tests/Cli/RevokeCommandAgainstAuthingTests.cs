using System.Net;
using System.Net.Sockets;
using System.Text;
using AuthingClient.Cli.Tests.Support;
using AuthingClient.TestSupport;

namespace AuthingClient.Cli.Tests.Cli;

/// <summary>The CLI against a stubbed Authing: output lines, exit codes and the requests on the wire.</summary>
public class RevokeCommandAgainstAuthingTests
{
    [Fact]
    public async Task Revoke_Answer200_PrintsTrueExits0AndSendsAClientSecretPostForm()
    {
        using var authing = FakeAuthing.Start().AnswerOkByDefault();

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "token-ok", "--app-host", authing.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true"], result.StdoutLines);
        var request = Assert.Single(authing.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/oidc/token/revocation", request.Path);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers!["Content-Type"].Single(), StringComparison.Ordinal);
        Assert.Equal(
            new Dictionary<string, string> { ["token"] = "token-ok", ["client_id"] = CliRun.AppId, ["client_secret"] = CliRun.FakeSecret },
            FormFields.Parse(request.Body));
    }

    [Fact]
    public async Task Revoke_UnsupportedTokenTypeAnswer_PrintsFalseAndExits1()
    {
        using var authing = FakeAuthing.Start().AnswerForToken("token-jwt", 400, "unsupported_token_type");

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "token-jwt", "--app-host", authing.Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["false"], result.StdoutLines);
        Assert.Contains("unsupported_token_type", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("token-jwt", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_InvalidClientAnswer_PrintsErrorExits3AndGivesTheReasonWithoutTokenOrSecret()
    {
        using var authing = FakeAuthing.Start().AnswerForToken("token-denied", 401, "invalid_client");

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "token-denied", "--app-host", authing.Url);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["error"], result.StdoutLines);
        Assert.Contains("invalid_client", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("token-denied", result.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(CliRun.FakeSecret, result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_MixedOutcomes_PrintsOneLinePerTokenInOrderAndAFailureWinsTheExitCode()
    {
        using var authing = FakeAuthing.Start()
            .AnswerOkByDefault()
            .AnswerForToken("token-jwt", 400, "unsupported_token_type")
            .AnswerForToken("token-denied", 401, "invalid_client");

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "token-denied", "token-ok", "token-jwt", "token-ok2", "--app-host", authing.Url);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["error", "true", "false", "true"], result.StdoutLines);
        Assert.Equal(
            ["token-denied", "token-ok", "token-jwt", "token-ok2"],
            authing.Requests.Select(request => FormFields.Parse(request.Body)["token"]));
    }

    [Fact]
    public async Task Revoke_RevokedAndUnsupportedTokens_Exits1()
    {
        using var authing = FakeAuthing.Start()
            .AnswerOkByDefault()
            .AnswerForToken("token-jwt", 400, "unsupported_token_type");

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "token-ok", "token-jwt", "--app-host", authing.Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["true", "false"], result.StdoutLines);
    }

    [Fact]
    public async Task Revoke_ServerErrorWithoutAnOAuthBody_PrintsErrorAndExits3()
    {
        using var authing = FakeAuthing.Start().AnswerEveryRequest(404);

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "token-ok", "--app-host", authing.Url);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["error"], result.StdoutLines);
        Assert.Contains("404", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_UnreachableAppHost_PrintsErrorAndExits3()
    {
        // A bound but not listening socket: connections are refused, and no other test can take the port meanwhile.
        using var closedPort = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closedPort.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var closedUrl = $"http://127.0.0.1:{((IPEndPoint)closedPort.LocalEndPoint!).Port}";

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "token-ok", "--app-host", closedUrl);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["error"], result.StdoutLines);
        Assert.DoesNotContain("token-ok", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(CliRun.FakeSecret, result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_HintFlag_SendsTokenTypeHint()
    {
        using var authing = FakeAuthing.Start().AnswerOkByDefault();

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "token-ok", "--hint", "refresh_token", "--app-host", authing.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("refresh_token", FormFields.Parse(Assert.Single(authing.Requests).Body)["token_type_hint"]);
    }

    [Fact]
    public async Task Revoke_OAuthProtocol_PostsToTheOAuthPath()
    {
        using var authing = FakeAuthing.Start().AnswerOkByDefault(RevocationRequest.OAuthPath);

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "token-ok", "--protocol", "oauth", "--app-host", authing.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("/oauth/token/revocation", Assert.Single(authing.Requests).Path);
    }

    [Fact]
    public async Task Revoke_ClientSecretBasic_SendsABasicHeaderAndNoSecretInTheBody()
    {
        using var authing = FakeAuthing.Start().AnswerOkByDefault();

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "token-ok", "--auth-method", "client_secret_basic", "--app-host", authing.Url);

        Assert.Equal(0, result.ExitCode);
        var request = Assert.Single(authing.Requests);
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{CliRun.AppId}:{CliRun.FakeSecret}"));
        Assert.Equal(expected, request.Headers!["Authorization"].Single());
        Assert.Equal(
            new Dictionary<string, string> { ["token"] = "token-ok", ["client_id"] = CliRun.AppId },
            FormFields.Parse(request.Body));
    }

    [Fact]
    public async Task Revoke_AuthMethodNone_SendsNoSecretAnywhereEvenWhenOneIsConfigured()
    {
        using var authing = FakeAuthing.Start().AnswerOkByDefault();

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "token-ok", "--auth-method", "none", "--app-host", authing.Url);

        Assert.Equal(0, result.ExitCode);
        var request = Assert.Single(authing.Requests);
        Assert.False(request.Headers!.ContainsKey("Authorization"));
        Assert.Equal(
            new Dictionary<string, string> { ["token"] = "token-ok", ["client_id"] = CliRun.AppId },
            FormFields.Parse(request.Body));
    }

    [Fact]
    public async Task Revoke_EnvironmentVariablesAlone_ConfigureTheApp()
    {
        using var authing = FakeAuthing.Start().AnswerOkByDefault();
        var environment = CliRun.CredentialsEnvironment();
        environment["AUTHING_APP_HOST"] = authing.Url;

        var result = await CliRun.RunAsync(environment, "revoke", "token-ok");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true"], result.StdoutLines);
        Assert.Equal(CliRun.AppId, FormFields.Parse(Assert.Single(authing.Requests).Body)["client_id"]);
    }

    [Fact]
    public async Task Revoke_FlagsAndEnvironmentVariables_FlagsWin()
    {
        using var authing = FakeAuthing.Start().AnswerOkByDefault();
        var environment = CliRun.CredentialsEnvironment();
        environment["AUTHING_APP_HOST"] = "http://127.0.0.1:9/unused";

        var result = await CliRun.RunAsync(environment, "revoke", "token-ok", "--app-host", authing.Url, "--app-id", "flag-app");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("flag-app", FormFields.Parse(Assert.Single(authing.Requests).Body)["client_id"]);
    }

    [Fact]
    public async Task Revoke_MalformedToken_PrintsErrorAndExits2WhileTheOthersAreStillRevoked()
    {
        using var authing = FakeAuthing.Start().AnswerOkByDefault();

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "token-ok", "bad\u0001token", "token-ok2", "--app-host", authing.Url);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["true", "error", "true"], result.StdoutLines);
        Assert.Contains("token 2", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, authing.Requests.Count);
    }

    [Fact]
    public async Task Revoke_TokenStartingWithADashAfterADoubleDash_IsAccepted()
    {
        using var authing = FakeAuthing.Start().AnswerOkByDefault();

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "--app-host", authing.Url, "--", "-dash-token");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("-dash-token", FormFields.Parse(Assert.Single(authing.Requests).Body)["token"]);
    }

    [Fact]
    public async Task Revoke_TokenStartingWithAnAtSign_IsSentAsIsNotReadAsAResponseFile()
    {
        using var authing = FakeAuthing.Start().AnswerOkByDefault();

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), "revoke", "@not-a-file", "--app-host", authing.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("@not-a-file", FormFields.Parse(Assert.Single(authing.Requests).Body)["token"]);
    }

    [Fact]
    public async Task Revoke_CancelledRun_Exits130WithoutSendingAnything()
    {
        using var authing = FakeAuthing.Start().AnswerOkByDefault();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var result = await CliRun.RunAsync(CliRun.CredentialsEnvironment(), cancellation.Token, "revoke", "token-ok", "--app-host", authing.Url);

        Assert.Equal(130, result.ExitCode);
        Assert.Empty(result.StdoutLines);
        Assert.Empty(authing.Requests);
    }
}
