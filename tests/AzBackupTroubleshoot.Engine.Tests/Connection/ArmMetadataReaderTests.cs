using System;
using System.Text.Json;
using AzBackupTroubleshoot.Engine.Connection;

namespace AzBackupTroubleshoot.Engine.Tests.Connection;

public class ArmMetadataReaderTests
{
    private static readonly Uri Endpoint = new("https://management.local.azurestack.external/");

    [Fact]
    public void Picks_the_cloud_whose_resource_manager_is_the_endpoint_from_an_array()
    {
        using var json = JsonDocument.Parse("""
            [
              { "name": "Other", "resourceManager": "https://management.azure.com/", "authentication": { "loginEndpoint": "https://login.microsoftonline.com", "audiences": ["https://management.core.windows.net/"] } },
              { "name": "Stack", "resourceManager": "https://management.local.azurestack.external/", "microsoftGraphResourceId": "https://graph.local/",
                "authentication": { "loginEndpoint": "https://login.local/", "audiences": ["https://management.adfs.local/abc", "x"] } }
            ]
            """);

        var cloud = ArmMetadataReader.Parse(json.RootElement, Endpoint);

        Assert.Equal("Stack", cloud.Name);
        Assert.Equal("https://management.adfs.local/abc", cloud.Audience);
        Assert.Equal("https://management.adfs.local/abc/.default", cloud.DefaultScope);
        Assert.Equal(new Uri("https://login.local/"), cloud.AuthorityHost);
        Assert.Equal(new Uri("https://graph.local/"), cloud.MicrosoftGraph);
        Assert.Equal(Endpoint, cloud.ResourceManager);
    }

    [Fact]
    public void Reads_the_single_object_form_and_drops_the_adfs_tenant_from_the_authority()
    {
        using var json = JsonDocument.Parse("""
            { "authentication": { "loginEndpoint": "https://adfs.local.azurestack.external/adfs/", "audiences": ["https://management.adfs.azurestack.local/guid"] } }
            """);

        var cloud = ArmMetadataReader.Parse(json.RootElement, Endpoint);

        Assert.Equal("https://management.adfs.azurestack.local/guid", cloud.Audience);
        Assert.Equal(new Uri("https://adfs.local.azurestack.external/"), cloud.AuthorityHost);
        Assert.Null(cloud.MicrosoftGraph);
    }

    [Fact]
    public void Refuses_metadata_without_an_audience()
    {
        using var json = JsonDocument.Parse("""{ "authentication": { "audiences": [] } }""");
        Assert.Throws<InvalidOperationException>(() => ArmMetadataReader.Parse(json.RootElement, Endpoint));
    }

    [Theory]
    [InlineData("AzureCloud", "https://management.azure.com/", "https://login.microsoftonline.com/")]
    [InlineData("azurechinacloud", "https://management.chinacloudapi.cn/", "https://login.chinacloudapi.cn/")]
    [InlineData("AzureUSGovernment", "https://management.usgovcloudapi.net/", "https://login.microsoftonline.us/")]
    public void Maps_named_clouds(string name, string resourceManager, string authority)
    {
        var cloud = CloudEndpoints.ForName(name);
        Assert.Equal(new Uri(resourceManager), cloud.ResourceManager);
        Assert.Equal(new Uri(authority), cloud.AuthorityHost);
    }

    [Fact]
    public void Refuses_an_unknown_cloud_name() =>
        Assert.Throws<ArgumentException>(() => CloudEndpoints.ForName("AzureGermanCloud"));
}
