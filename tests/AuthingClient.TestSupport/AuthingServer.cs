using System.Net;
using AuthingClient.Revocation;
using AuthingClient.Testing;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace AuthingClient.TestSupport;

/// <summary>How the Authing side answers a revocation.</summary>
public enum AuthingAnswer
{
    /// <summary>200, empty body: revoked.</summary>
    Revoked,

    /// <summary>400 <c>unsupported_token_type</c>: not revoked.</summary>
    UnsupportedTokenType,

    /// <summary>500: not confirmed (retries are off in these tests).</summary>
    ServerError,

    /// <summary>401 <c>invalid_client</c>: refused.</summary>
    InvalidClient,
}

/// <summary>
/// The Authing side of a test, on 127.0.0.1; one per test. A revoked answer comes from the
/// library's own stand-in (AuthingClient.Testing), which also checks the client's credentials as
/// Authing does. An error on every request (the stand-in answers a queued fault once) and a
/// callback that sees each request as it arrives come from a WireMock.Net server that records
/// requests as they arrive (<see cref="ObservedWireMock"/>).
/// </summary>
public sealed class AuthingServer : IDisposable
{
    public const string AppId = "60e3a8f2c1d4b5a6e7f80912";
    public const string Secret = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";

    private readonly AuthingStandIn? _standIn;
    private readonly ObservedWireMock? _wire;

    private AuthingServer(AuthingStandIn standIn) => _standIn = standIn;

    private AuthingServer(Func<ObservedWireMock, IResponseBuilder> response)
    {
        _wire = new ObservedWireMock();
        _wire.Server.Given(Request.Create().UsingPost()).RespondWith(response(_wire));
    }

    public string Url => _standIn?.CreateClientOptions().AppHost ?? _wire!.Url;

    public int RequestCount => _standIn?.RequestCount ?? _wire!.Requests.Count;

    public static AuthingServer Answering(AuthingAnswer answer) => answer == AuthingAnswer.Revoked
        ? new(AuthingStandIn.Start(new AuthingStandInOptions { AppId = AppId, AppSecret = Secret }))
        : new(wire => Respond(wire, answer));

    /// <summary>Answers every request by running <paramref name="callback"/> (which sees the request as it arrives).</summary>
    public static AuthingServer AnsweringWith(Func<IRequestMessage, Task<IResponseMessage>> callback) => new(wire => wire.RespondWith(callback));

    /// <summary>The answer <see cref="AuthingAnswer.Revoked"/> as a callback result.</summary>
    public static Task<IResponseMessage> RevokedResponse() =>
        Task.FromResult<IResponseMessage>(new ResponseMessage { StatusCode = (int)HttpStatusCode.OK });

    /// <summary>Options of an application on this server, with retries off so failures are immediate.</summary>
    public AuthenticationClientOptions Options(RevokedTokenMarking marking = RevokedTokenMarking.WhenRequested)
    {
        var options = new AuthenticationClientOptions { AppId = AppId, AppSecret = Secret, AppHost = Url, RevokedTokenMarking = marking };
        options.Retry.MaxAttempts = 1;
        return options;
    }

    /// <summary>A standalone client of this server that marks <paramref name="registry"/> and tells <paramref name="observers"/>.</summary>
    public AuthenticationClient Client(RevokedTokenRegistry? registry = null, IEnumerable<IRevocationObserver>? observers = null, RevokedTokenMarking marking = RevokedTokenMarking.WhenRequested)
    {
        var options = Options(marking);
        options.RevokedTokenRegistry = registry;
        foreach (var observer in observers ?? [])
        {
            options.RevocationObservers.Add(observer);
        }

        return new AuthenticationClient(options);
    }

    /// <summary>The same options, set on options bound by dependency injection.</summary>
    public void Configure(AuthenticationClientOptions options, RevokedTokenMarking marking = RevokedTokenMarking.WhenRequested)
    {
        var source = Options(marking);
        (options.AppId, options.AppSecret, options.AppHost, options.RevokedTokenMarking) = (source.AppId, source.AppSecret, source.AppHost, source.RevokedTokenMarking);
        options.Retry.MaxAttempts = source.Retry.MaxAttempts;
    }

    public void Dispose()
    {
        _standIn?.Dispose();
        _wire?.Dispose();
    }

    private static IResponseBuilder Respond(ObservedWireMock wire, AuthingAnswer answer) => answer switch
    {
        AuthingAnswer.UnsupportedTokenType => OAuthError(wire, HttpStatusCode.BadRequest, "unsupported_token_type"),
        AuthingAnswer.ServerError => wire.Respond(HttpStatusCode.InternalServerError),
        AuthingAnswer.InvalidClient => OAuthError(wire, HttpStatusCode.Unauthorized, "invalid_client"),
        _ => throw new ArgumentOutOfRangeException(nameof(answer)),
    };

    private static IResponseBuilder OAuthError(ObservedWireMock wire, HttpStatusCode status, string error) =>
        wire.Respond(status, $$"""{"error":"{{error}}"}""", "application/json");
}
