using AuthingClient.AspNetCore.Receivers;
using AuthingClient.Revocation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthingClient.AspNetCore.Webhooks;

/// <summary>
/// The endpoint <c>MapAuthingWebhook</c> maps: turns Authing's session-ending events into per-user
/// revocations in the <see cref="RevokedTokenRegistry"/>. The body is never logged or echoed (Authing's
/// payloads carry password hashes, salts and tokens); a repeated delivery revokes the same users again,
/// which changes nothing a token can tell.
/// </summary>
internal sealed class AuthingWebhookReceiver
{
    /// <summary>1 MiB: far above any delivery Authing sends, far below what would hurt an instance.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private readonly WebhookSecret _secret;
    private readonly string _issuer;
    private readonly RevokedTokenRegistry _registry;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <exception cref="OptionsValidationException">The options are invalid; the message names each setting.</exception>
    public AuthingWebhookReceiver(IOptions<AuthingWebhookOptions> options, RevokedTokenRegistry registry, TimeProvider? timeProvider, ILogger<AuthingWebhookReceiver> logger)
    {
        var settings = options.Value;
        _secret = new WebhookSecret(settings.Secret!);
        _issuer = settings.Issuer!;
        _registry = registry;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (!_secret.IsPresentIn(request.Headers))
        {
            WebhookLog.WrongSecret(_logger, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var mediaType = RequestMediaTypes.Of(request);
        if (mediaType == RequestMediaType.Other)
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        if (await BoundedRequestBody.ReadAsync(request, MaxBodyBytes, http.RequestAborted).ConfigureAwait(false) is not { } body)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        // T is when the event reached this instance: every token issued up to then dies.
        var receivedAt = _timeProvider.GetUtcNow();
        if (WebhookDelivery.TryRead(body, mediaType) is not { } delivery)
        {
            WebhookLog.Malformed(_logger);
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (delivery.EventName is not { } eventName)
        {
            WebhookLog.Acknowledged(_logger);
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        foreach (var user in delivery.Users)
        {
            WebhookLog.RevokingUser(_logger, eventName, user);
            await _registry.RevokeUserAsync(_issuer, user, receivedAt, delivery.Application, http.RequestAborted).ConfigureAwait(false);
        }

        WebhookLog.Accepted(_logger, eventName, delivery.Users.Count, delivery.Application is not null);
        http.Response.StatusCode = StatusCodes.Status200OK;
    }
}
