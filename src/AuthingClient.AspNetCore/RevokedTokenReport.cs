using System.Diagnostics.Metrics;
using AuthingClient.Diagnostics;
using AuthingClient.Revocation;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace AuthingClient.AspNetCore;

/// <summary>
/// Tells operators that revoked tokens are being presented without flooding the log when a client
/// replays one: every rejection counts on the <c>authing.revoked_tokens.presented</c> counter (tagged
/// by what matched: <c>token</c>, <c>user</c> or <c>session</c>; never a token, subject or session id)
/// and writes a Debug line with the token's fingerprint; a Warning sums them up at most once a
/// minute, at the first rejection after the minute has passed.
/// </summary>
internal sealed partial class RevokedTokenReport : IDisposable
{
    /// <summary>The counter of revoked tokens presented to the check.</summary>
    public const string PresentedCounterName = "authing.revoked_tokens.presented";

    /// <summary>The tag saying what matched: <c>token</c>, <c>user</c> or <c>session</c>.</summary>
    public const string MatchTag = "authing.revocation.match";

    private static readonly TimeSpan SummaryInterval = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Meter _meter = new(RevocationTelemetry.SourceName);
    private readonly Counter<long> _presented;
    private readonly long[] _sinceSummary = new long[3];
    private long _nextSummaryTicks;

    public RevokedTokenReport(TimeProvider? time, ILoggerFactory? loggers)
    {
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)loggers?.CreateLogger("AuthingClient.AspNetCore.RevocationCheck") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _presented = _meter.CreateCounter<long>(PresentedCounterName, unit: "{token}", description: "Revoked tokens presented to the JwtBearer check, by what matched.");
        _nextSummaryTicks = _time.GetUtcNow().UtcTicks + SummaryInterval.Ticks;
    }

    public static string MatchName(RevocationKind kind) => kind switch
    {
        RevocationKind.User => "user",
        RevocationKind.Session => "session",
        _ => "token",
    };

    public void Rejected(RevocationKind match, SecurityToken? token, string scheme)
    {
        if (_presented.Enabled)
        {
            _presented.Add(1, new KeyValuePair<string, object?>(MatchTag, MatchName(match)));
        }

        Interlocked.Increment(ref _sinceSummary[(int)match]);
        if (_logger.IsEnabled(LogLevel.Debug) && RevocationCheck.RawToken(token) is { Length: > 0 } raw)
        {
            var fingerprint = TokenFingerprint.Of(raw);
            var matched = MatchName(match);
            RejectedToken(_logger, fingerprint, matched, scheme);
        }

        SummarizeIfDue();
    }

    public void Unchecked(SecurityToken? token, string scheme, Exception exception)
    {
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            var fingerprint = RevocationCheck.RawToken(token) is { Length: > 0 } raw ? TokenFingerprint.Of(raw) : "-";
            UncheckedToken(_logger, fingerprint, scheme, exception);
        }
    }

    public void Dispose() => _meter.Dispose();

    private void SummarizeIfDue()
    {
        var now = _time.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref _nextSummaryTicks);
        if (now < due || Interlocked.CompareExchange(ref _nextSummaryTicks, now + SummaryInterval.Ticks, due) != due)
        {
            return;
        }

        var tokens = Interlocked.Exchange(ref _sinceSummary[(int)RevocationKind.Token], 0);
        var users = Interlocked.Exchange(ref _sinceSummary[(int)RevocationKind.User], 0);
        var sessions = Interlocked.Exchange(ref _sinceSummary[(int)RevocationKind.Session], 0);
        RevokedTokensPresented(_logger, tokens + users + sessions, tokens, users, sessions);
    }

    [LoggerMessage(EventId = 1, EventName = "RevokedTokenRejected", Level = LogLevel.Debug,
        Message = "Rejected revoked token {TokenHash} (matched: {Match}; scheme {Scheme})")]
    private static partial void RejectedToken(ILogger logger, string tokenHash, string match, string scheme);

    [LoggerMessage(EventId = 2, EventName = "RevocationStatusUnknown", Level = LogLevel.Warning,
        Message = "Rejected token {TokenHash} (scheme {Scheme}): its revocation status could not be checked")]
    private static partial void UncheckedToken(ILogger logger, string tokenHash, string scheme, Exception exception);

    [LoggerMessage(EventId = 3, EventName = "RevokedTokensPresented", Level = LogLevel.Warning,
        Message = "{Count} revoked tokens were presented and rejected since the last summary ({Tokens} revoked tokens, {Users} of revoked users, {Sessions} of ended sessions)")]
    private static partial void RevokedTokensPresented(ILogger logger, long count, long tokens, long users, long sessions);
}
