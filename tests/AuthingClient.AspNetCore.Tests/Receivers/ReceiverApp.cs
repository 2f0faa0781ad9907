using System.Net;
using AuthingClient.TestSupport;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuthingClient.AspNetCore.Tests.Receivers;

/// <summary>
/// A real JwtBearer app on Kestrel (ES256 tokens of <see cref="Tokens"/>, audiences
/// <see cref="TestTokens.Audience"/>, <see cref="AppA"/> and <see cref="AppB"/>) with the in-memory
/// registry and both revocation receivers mapped; every log line captured.
/// </summary>
internal sealed class ReceiverApp : IAsyncDisposable
{
    public const string AppA = "app-a";
    public const string AppB = "app-b";

    private ReceiverApp(ProtectedApi api, EcdsaTokens tokens, CapturedLogLines log)
    {
        Api = api;
        Tokens = tokens;
        Log = log;
    }

    public ProtectedApi Api { get; }

    public EcdsaTokens Tokens { get; }

    public CapturedLogLines Log { get; }

    /// <summary>Starts the app; <paramref name="jwtBearer"/> changes the scheme after the test keys are set.</summary>
    public static async Task<ReceiverApp> StartAsync(Action<IServiceCollection>? services = null, Action<JwtBearerOptions, EcdsaTokens>? jwtBearer = null)
    {
        var tokens = new EcdsaTokens();
        var log = new CapturedLogLines();
        var api = await ProtectedApi.StartAsync(
            s =>
            {
                s.AddLogging(logging => logging.AddProvider(log).SetMinimumLevel(LogLevel.Trace));
                RevocationReceivers.Register(s);
                services?.Invoke(s);
            },
            options =>
            {
                options.TokenValidationParameters = tokens.ValidationParameters();
                options.TokenValidationParameters.ValidAudiences = [TestTokens.Audience, AppA, AppB];
                jwtBearer?.Invoke(options, tokens);
            },
            RevocationReceivers.Map);
        return new ReceiverApp(api, tokens, log);
    }

    /// <summary>Sends a request and returns its status, the response disposed.</summary>
    public async Task<HttpStatusCode> SendAsync(HttpRequestMessage request)
    {
        using (request)
        using (var response = await Api.SendAsync(request))
        {
            return response.StatusCode;
        }
    }

    /// <summary>How the app answers <c>GET /me</c> with each token, in order.</summary>
    public async Task<HttpStatusCode[]> MeAsync(params string[] tokens)
    {
        var answers = new HttpStatusCode[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            answers[i] = await Api.GetMeAsync(tokens[i]);
        }

        return answers;
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        Tokens.Dispose();
    }
}
