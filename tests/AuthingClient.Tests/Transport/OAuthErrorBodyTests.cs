using System.Text;
using AuthingClient.Transport;

namespace AuthingClient.Tests.Transport;

/// <summary>The RFC 6749 §5.2 fields are read from whatever an error body holds, one field at a time.</summary>
public sealed class OAuthErrorBodyTests
{
    private static readonly Dictionary<string, (string Body, OAuthErrorBody Expected)> Bodies = new()
    {
        ["all three fields"] = ("""{"error":"invalid_client","error_description":"bad secret","error_uri":"https://e.example/x"}""", new("invalid_client", "bad secret", "https://e.example/x")),
        ["only error"] = ("""{"error":"invalid_request"}""", new("invalid_request", null, null)),
        ["leading whitespace"] = (" \r\n\t{\"error\":\"invalid_request\"}", new("invalid_request", null, null)),
        ["extra fields"] = ("""{"error":"invalid_request","status":400,"nested":{"a":[1,2]}}""", new("invalid_request", null, null)),
        ["empty"] = (string.Empty, default),
        ["whitespace"] = ("   ", default),
        ["HTML"] = ("<html><body>{\"error\":\"x\"}</body></html>", default),
        ["plain text"] = ("invalid_client", default),
        ["JSON string"] = ("\"invalid_client\"", default),
        ["JSON array"] = ("""[{"error":"invalid_client"}]""", default),
        ["JSON null"] = ("null", default),
        ["error is a number"] = ("""{"error":5,"error_description":"kept"}""", new(null, "kept", null)),
        ["description is an object"] = ("""{"error":"invalid_request","error_description":{"text":"x"}}""", new("invalid_request", null, null)),
        ["uri is an array"] = ("""{"error":"invalid_request","error_uri":["https://e.example"]}""", new("invalid_request", null, null)),
        ["error is null"] = ("""{"error":null}""", default),
        ["error is whitespace"] = ("""{"error":"   ","error_description":"d"}""", new(null, "d", null)),
        ["truncated"] = ("""{"error":"invalid_request","error_description":"cut he""", default),
        ["control characters become spaces"] = ("{\"error\":\"invalid_request\",\"error_description\":\"line1\\nline2\\u0000end\\t\"}", new("invalid_request", "line1 line2 end", null)),
        ["escaped unicode"] = ("""{"error":"invalid_request","error_description":"\u4EE4\u724C \uD83D\uDD11"}""", new("invalid_request", "令牌 🔑", null)),
        ["nested deeper than the limit"] = ("{\"error\":\"invalid_request\",\"x\":" + new string('[', 40) + new string(']', 40) + "}", default),
    };

    public static TheoryData<string> BodyNames => [.. Bodies.Keys];

    [Theory]
    [MemberData(nameof(BodyNames))]
    public void Parse_Body_ReadsEachFieldThatIsAString(string bodyName)
    {
        var (body, expected) = Bodies[bodyName];

        Assert.Equal(expected, OAuthErrorBody.Parse(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Parse_JsonAfterAUtf8ByteOrderMark_ReadsTheFields()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. """{"error":"unsupported_token_type"}"""u8];

        Assert.Equal("unsupported_token_type", OAuthErrorBody.Parse(body).Error);
    }

    [Fact]
    public async Task ReadAsync_NoContent_ReturnsNoFields()
    {
        Assert.Equal(default, await OAuthErrorBody.ReadAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_HugeBody_ReadsNoMoreThanTheLimit()
    {
        using var stream = new CountingStream(length: 1024 * 1024);
        using var content = new StreamContent(stream);

        await OAuthErrorBody.ReadAsync(content, CancellationToken.None);

        Assert.InRange(stream.BytesRead, 1, OAuthErrorBody.MaxBytes);
    }

    [Fact]
    public async Task ReadAsync_BodyDeliveredInSmallPieces_ReadsTheWholeJson()
    {
        var json = """{"error":"invalid_client","error_description":"split across many reads"}"""u8.ToArray();
        using var stream = new CountingStream(json, maxPerRead: 3);
        using var content = new StreamContent(stream);

        var body = await OAuthErrorBody.ReadAsync(content, CancellationToken.None);

        Assert.Equal(new OAuthErrorBody("invalid_client", "split across many reads", null), body);
    }

    /// <summary>A read-only stream that counts what was read from it and can hand out data in small pieces.</summary>
    private sealed class CountingStream(byte[] data, int maxPerRead = int.MaxValue) : Stream
    {
        public CountingStream(int length)
            : this(Enumerable.Repeat((byte)'x', length).ToArray())
        {
        }

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => data.Length;

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(Math.Min(buffer.Length, maxPerRead), data.Length - BytesRead);
            data.AsSpan((int)BytesRead, n).CopyTo(buffer);
            BytesRead += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
