using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace AzBackupTroubleshoot.Benchmarks;

/// <summary>
/// What a script over Az cmdlets sends, one VM after the other: Get-AzVM (the list), then per VM Get-AzVM -Status,
/// Get-AzVMExtension, Get-AzResourceLock on its group, Get-AzRecoveryServicesBackupStatus and
/// Get-AzRecoveryServicesBackupJob -Status Failed for the last 7 days of its vault; 429s waited out by Retry-After as
/// the Az retry policy does.
/// </summary>
internal sealed class NaiveScriptBaseline : IDisposable
{
    private readonly HttpClient _http;
    private readonly DateTimeOffset _now;

    public NaiveScriptBaseline(Uri endpoint, X509Certificate2 serverCertificate, DateTimeOffset now)
    {
        var thumbprint = serverCertificate.Thumbprint;
#pragma warning disable CA2000 // The client owns and disposes the handler.
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => string.Equals(certificate?.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase),
        };
#pragma warning restore CA2000
        _http = new HttpClient(handler, disposeHandler: true) { BaseAddress = endpoint };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "benchmark-token");
        _now = now;
    }

    public int Requests { get; private set; }

    /// <summary>Reads every VM of the subscription; returns how many VMs were read (a VM whose reads failed is not).</summary>
    public async Task<(int Judged, int Failed)> RunAsync(string subscriptionId, Action onFirstVm)
    {
        var judged = 0;
        var failed = 0;
        string? next = $"/subscriptions/{subscriptionId}/providers/Microsoft.Compute/virtualMachines?api-version=2024-07-01";
        while (next != null)
        {
            using var page = await SendAsync(HttpMethod.Get, next, null);
            next = page.RootElement.TryGetProperty("nextLink", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
            foreach (var vm in page.RootElement.GetProperty("value").EnumerateArray())
            {
                try
                {
                    await ReadVmAsync(subscriptionId, vm.GetProperty("id").GetString()!, vm.GetProperty("location").GetString()!);
                    judged++;
                    if (judged == 1)
                    {
                        onFirstVm();
                    }
                }
                catch (HttpRequestException)
                {
                    failed++;
                }
            }
        }

        return (judged, failed);
    }

    public void Dispose() => _http.Dispose();

    private async Task ReadVmAsync(string subscriptionId, string vmId, string location)
    {
        const string compute = "api-version=2024-07-01";
        (await SendAsync(HttpMethod.Get, vmId + "/instanceView?" + compute, null)).Dispose();
        (await SendAsync(HttpMethod.Get, vmId + "/extensions?" + compute, null)).Dispose();
        var group = vmId.Substring(0, vmId.IndexOf("/providers/", StringComparison.OrdinalIgnoreCase));
        (await SendAsync(HttpMethod.Get, group + "/providers/Microsoft.Authorization/locks?api-version=2016-09-01", null)).Dispose();
        using var status = await SendAsync(
            HttpMethod.Post,
            $"/subscriptions/{subscriptionId}/providers/Microsoft.RecoveryServices/locations/{location}/backupStatus?api-version=2025-08-01",
            JsonSerializer.Serialize(new { resourceId = vmId, resourceType = "VM" }));
        if (!status.RootElement.TryGetProperty("vaultId", out var vault) || vault.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var filter = Uri.EscapeDataString(
            $"backupManagementType eq 'AzureIaasVM' and status eq 'Failed' and startTime eq '{Format(_now.AddDays(-7))}' and endTime eq '{Format(_now)}'");
        string? next = vault.GetString() + "/backupJobs?api-version=2025-08-01&$filter=" + filter;
        while (next != null)
        {
            using var page = await SendAsync(HttpMethod.Get, next, null);
            next = page.RootElement.TryGetProperty("nextLink", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
        }
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd hh:mm:ss tt", CultureInfo.InvariantCulture);

    private async Task<JsonDocument> SendAsync(HttpMethod method, string pathAndQuery, string? body)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, pathAndQuery);
            if (body != null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            Requests++;
            using var response = await _http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 10)
            {
                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                await Task.Delay(wait);
                continue;
            }

            response.EnsureSuccessStatusCode();
            return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        }
    }
}
