using System.Net.Http.Headers;
using System.Text;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>Generated malformed and hostile requests for the fuzz test (deterministic for a seed).</summary>
internal static class HostileInputs
{
    public static readonly string[] Strings =
    [
        "'; DROP TABLE users; --",
        "' OR '1'='1",
        "1; DELETE FROM workflow_instances WHERE 1=1",
        "<script>alert(document.cookie)</script>",
        "{{ 7*7 }}${7*7}<%= 7*7 %>",
        "__proto__",
        "../../../../etc/passwd",
        "\u0000\u0001\u001f",
        "\ud83d\ude00\u202e\u200b",
        "%00%0d%0aSet-Cookie:x=y",
    ];

    public static readonly string[] Numbers = ["-1", "-2147483649", "2147483648", "9223372036854775808", "-9223372036854775809", "1e309", "0.0000001", "-0", "1E+400"];

    /// <summary>Bodies for a POST/PUT: each (content, description).</summary>
    public static IEnumerable<(HttpContent Content, string What)> Bodies(Random random)
    {
        var text = Strings[random.Next(Strings.Length)];
        var number = Numbers[random.Next(Numbers.Length)];
        yield return (Json($$"""{"definitionId":{{number}},"version":"{{Escape(text)}}","input":[1,2],"correlationId":{"a":1},"email":{{number}},"password":[],"scopes":"x","role":{"r":1},"quantity":"{{Escape(text)}}","name":null,"partyId":true,"token":{{number}}}"""), "wrong types");
        yield return (Json($$"""{"name":"{{new string('A', 120_000)}}","email":"{{new string('b', 50_000)}}@x.com","password":"{{new string('c', 50_000)}}","correlationId":"{{new string('d', 20_000)}}","reason":"{{new string('e', 10_000)}}"}"""), "huge strings");
        yield return (Json(new string('[', 2000) + new string(']', 2000)), "deep arrays");
        yield return (Json(string.Concat(Enumerable.Repeat("{\"a\":", 500)) + "1" + new string('}', 500)), "deep objects");
        yield return (new ByteArrayContent([0x7B, 0x22, 0x65, 0x6D, 0x61, 0x69, 0x6C, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80, 0x22, 0x7D]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, "invalid UTF-8");
        for (var i = 0; i < 2; i++)
        {
            text = Strings[random.Next(Strings.Length)];
            number = Numbers[random.Next(Numbers.Length)];
            yield return (Json($$"""{"email":"{{Escape(text)}}","password":"{{Escape(text)}}","role":"{{Escape(text)}}","definitionId":"{{Escape(text)}}","correlationId":"{{Escape(text)}}","name":"{{Escape(text)}}","scopes":["{{Escape(text)}}"],"partyId":"{{Escape(text)}}","token":"{{Escape(text)}}","targetVersion":{{number}},"page":{{number}}}"""), "injection strings");
            yield return (Json($$"""{"quantity":{{number}},"version":{{number}},"targetVersion":{{number}},"expiresInDays":{{number}},"amount":{{number}},"page":{{number}}}"""), "overflow numbers");
        }

        yield return (Json("{\"a\":1,"), "truncated JSON");
        yield return (Json(new[] { "null", "[]", "\"text\"", "true", "-1", "" }[random.Next(6)]), "JSON of the wrong kind");
        yield return (new StringContent("<xml><email>x</email></xml>", Encoding.UTF8, "application/xml"), "XML");
        yield return (new StringContent("email=a&password=b", Encoding.UTF8, "application/x-www-form-urlencoded"), "form");
        yield return (new ByteArrayContent(Encoding.UTF8.GetBytes("{\"email\":\"x\"}")), "no content type");
        yield return (new StringContent("{\"email\":\"x\"}", Encoding.UTF8, "text/plain"), "text/plain");
    }

    /// <summary>Query strings for a GET.</summary>
    public static IEnumerable<(string Query, string What)> Queries(Random random)
    {
        var text = Uri.EscapeDataString(Strings[random.Next(Strings.Length)]);
        var number = Uri.EscapeDataString(Numbers[random.Next(Numbers.Length)]);
        yield return ($"?page={number}&pageSize={number}", "overflow paging");
        yield return ($"?status={text}&definitionId={text}&correlationId={text}&role={text}&assignee={text}&actor={text}&action={text}&outcome={text}", "injection filters");
        yield return ($"?from={text}&to=-1&version={number}&after={number}&limit={number}&instanceId={text}", "unparsable values");
        yield return ($"?correlationId={new string('x', 8000)}", "huge query");
        yield return ($"?{text}={text}&page=1&page=2&pageSize=&includeResolved={text}", "repeated and unknown parameters");
    }

    /// <summary>Values for string route parameters.</summary>
    /// <remarks>No NUL: the in-memory test server cannot even build such a request line (Kestrel answers it 400 before the app).</remarks>
    public static string RouteValue(Random random) => random.Next(4) switch
    {
        0 => Uri.EscapeDataString(Strings[random.Next(Strings.Length)].Replace("\u0000", "", StringComparison.Ordinal)),
        1 => new string('r', 3000),
        2 => "%2e%2e%2f%2e%2e%2f",
        _ => Uri.EscapeDataString("' OR 1=1 --"),
    };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Escape(string text) => System.Text.Json.JsonEncodedText.Encode(text).ToString();
}
