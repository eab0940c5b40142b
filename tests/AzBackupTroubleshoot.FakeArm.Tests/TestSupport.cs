using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.FakeArm.Tests;

/// <summary>Clients for a running fake ARM.</summary>
internal static class TestSupport
{
    /// <summary>An HttpClient that trusts exactly this server's certificate (pinned), with a bearer token.</summary>
    public static HttpClient PinnedClient(FakeArmServer server, bool withToken = true)
    {
        var expected = server.Certificate.GetCertHashString();
#pragma warning disable CA2000 // The handler is disposed with the client.
        var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, _) => cert is X509Certificate c && c.GetCertHashString() == expected },
        };
#pragma warning restore CA2000
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = server.Endpoint, Timeout = TimeSpan.FromSeconds(20) };
        if (withToken)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJvaWQiOiJ0ZXN0In0.");
        }

        return client;
    }

    public static async Task<JsonObject> GetJsonAsync(this HttpClient client, string pathAndQuery)
    {
        using var resp = await client.GetAsync(new Uri(pathAndQuery, UriKind.RelativeOrAbsolute));
        var text = await resp.Content.ReadAsStringAsync();
        Assert.True(resp.IsSuccessStatusCode, $"GET {pathAndQuery} -> {(int)resp.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> SendAsync(this HttpClient client, HttpMethod method, string pathAndQuery, string? json = null)
    {
        using var req = new HttpRequestMessage(method, new Uri(pathAndQuery, UriKind.RelativeOrAbsolute));
        if (json is not null)
        {
            req.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        var resp = await client.SendAsync(req);
        var text = await resp.Content.ReadAsStringAsync();
        return ((int)resp.StatusCode, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text), resp);
    }

    public static string Str(this JsonNode? node, string path)
    {
        var cur = node;
        foreach (var part in path.Split('.'))
        {
            cur = int.TryParse(part, out var i) ? cur?.AsArray()[i] : cur?[part];
        }

        return cur?.GetValue<string>() ?? throw new InvalidOperationException($"No string at '{path}' in {node?.ToJsonString()}");
    }

    public static JsonNode? At(this JsonNode? node, string path)
    {
        var cur = node;
        foreach (var part in path.Split('.'))
        {
            cur = int.TryParse(part, out var i) ? cur?.AsArray()[i] : cur?[part];
        }

        return cur;
    }
}
