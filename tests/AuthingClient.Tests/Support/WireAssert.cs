using AuthingClient.Testing.Revocation;

namespace AuthingClient.Tests.Support;

public static class WireAssert
{
    /// <summary>Every expected form field exactly once, and nothing else.</summary>
    public static void SameFields(IReadOnlyDictionary<string, string> expected, IReadOnlyList<KeyValuePair<string, string>> actual) =>
        Assert.Equal(
            expected.OrderBy(f => f.Key, StringComparer.Ordinal),
            actual.OrderBy(f => f.Key, StringComparer.Ordinal));

    /// <summary>The one value of a form field; fails when it is absent or repeated.</summary>
    public static string SingleField(this RecordedRequest request, string name) =>
        Assert.Single(request.Form, f => f.Key == name).Value;

    /// <summary>One form-encoded name or value (a half of a Basic header), decoded strictly; fails when it is malformed.</summary>
    public static string FormDecoded(string encoded)
    {
        Assert.True(FormDecoding.TryDecode(encoded, out var decoded), "Not valid application/x-www-form-urlencoded text.");
        return decoded;
    }
}
