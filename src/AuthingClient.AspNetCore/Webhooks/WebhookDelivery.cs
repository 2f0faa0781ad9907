using System.Text.Json;
using AuthingClient.AspNetCore.Receivers;

namespace AuthingClient.AspNetCore.Webhooks;

/// <summary>
/// What one Authing webhook delivery asks for: the users whose sessions an event ended (and the
/// application they were forced off, for a <c>kick</c> from one application). Every other event,
/// and a body without <c>eventName</c> (the console's test delivery), ends nothing.
/// </summary>
/// <param name="EventName">The event, when it is one that ends sessions; otherwise <see langword="null"/>.</param>
/// <param name="Users">The users' ids (the <c>sub</c> of their tokens), each once.</param>
/// <param name="Application">The application id (the <c>aud</c> of its tokens) a kick is narrowed to.</param>
internal sealed record WebhookDelivery(string? EventName, IReadOnlyList<string> Users, string? Application)
{
    private static readonly WebhookDelivery EndsNothing = new(null, [], null);

    private static readonly JsonDocumentOptions JsonLimits = new() { MaxDepth = 64 };

    /// <summary>
    /// Reads a delivery's body, <c>{"eventName": ..., "data": {...}}</c> as JSON, or the fields
    /// <c>eventName</c> and <c>data</c> (the same object as JSON text) as a form. <see langword="null"/>
    /// when the body is malformed, or a session-ending event does not say whose sessions ended — then
    /// nothing at all is revoked.
    /// </summary>
    public static WebhookDelivery? TryRead(ReadOnlyMemory<byte> body, RequestMediaType mediaType)
    {
        try
        {
            return mediaType == RequestMediaType.Json ? FromJson(body) : FromForm(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static WebhookDelivery? FromJson(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body, JsonLimits);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (!root.TryGetProperty("eventName", out var eventName))
        {
            return EndsNothing;
        }

        if (eventName.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return root.TryGetProperty("data", out var data) ? Read(eventName.GetString()!, data) : Read(eventName.GetString()!, null);
    }

    private static WebhookDelivery? FromForm(ReadOnlyMemory<byte> body)
    {
        if (UrlEncodedForm.TryRead(body) is not { } form)
        {
            return null;
        }

        if (!form.TryGetValue("eventName", out var eventName))
        {
            return EndsNothing;
        }

        if (eventName.Count != 1 || eventName[0] is not { } name)
        {
            return null;
        }

        if (!form.TryGetValue("data", out var dataText))
        {
            return Read(name, null);
        }

        if (dataText.Count != 1 || string.IsNullOrEmpty(dataText[0]))
        {
            return null;
        }

        using var data = JsonDocument.Parse(dataText[0]!, JsonLimits);
        return Read(name, data.RootElement);
    }

    private static WebhookDelivery? Read(string eventName, JsonElement? data)
    {
        if (!SessionEndingEvents.Contains(eventName))
        {
            return EndsNothing;
        }

        if (data is not { ValueKind: JsonValueKind.Object } payload)
        {
            return null;
        }

        var users = new List<string>();
        var application = eventName == SessionEndingEvents.Kick ? ApplicationOf(payload) : null;
        var complete = eventName switch
        {
            SessionEndingEvents.Kick => TryAddUserList(payload, users),
            SessionEndingEvents.UserDeleted => TryAddUserList(payload, users),
            // A password change carries the user's profile itself; a block or an archive carries data.user.
            _ => TryAddUser(payload, users) || (payload.TryGetProperty("user", out var user) && TryAddUser(user, users)),
        };

        return complete ? new WebhookDelivery(eventName, users.Distinct(StringComparer.Ordinal).ToList(), application) : null;
    }

    /// <summary><c>data.users</c>: user objects, or plain ids (Authing sends ids for a custom database).</summary>
    private static bool TryAddUserList(JsonElement data, List<string> users)
    {
        if (!data.TryGetProperty("users", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var user in list.EnumerateArray())
        {
            if (!TryAddUser(user, users))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A user: a non-empty id string, or an object whose <c>id</c>, <c>userId</c> or <c>_id</c> is one.</summary>
    private static bool TryAddUser(JsonElement user, List<string> users)
    {
        if (IdOf(user) is not { } id)
        {
            return false;
        }

        users.Add(id);
        return true;
    }

    /// <summary>
    /// <c>data.application</c>, when the users were forced off one application: its id, or an object
    /// with the id. Absent, null, or without a readable id means every application: a kick is never
    /// dropped for an unreadable application, it only ends more tokens.
    /// </summary>
    private static string? ApplicationOf(JsonElement data) =>
        data.TryGetProperty("application", out var value) ? IdOf(value) : null;

    private static string? IdOf(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString() is { Length: > 0 } id ? id : null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in (ReadOnlySpan<string>)["id", "userId", "_id"])
        {
            if (element.TryGetProperty(name, out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }

        return null;
    }
}
