# Stand-ins for Az.Accounts' Get-AzContext and Get-AzAccessToken, as Connect-AzAccount leaves them: the module borrows
# the session's sign-in through them. Global, so the module finds them from any scope (Pester's test scopes too).
Set-StrictMode -Version Latest
function global:Get-AzContext {
    [pscustomobject]@{
        Account      = [pscustomobject]@{ Id = 'tester@contoso.example' }
        Tenant       = [pscustomobject]@{ Id = '7f9e4c2a-1b3d-4e5f-8a6b-0c1d2e3f4a5b' }
        Subscription = [pscustomobject]@{ Id = '2d0c7b1e-4f3a-4c8e-9b6d-5a1f0e7c3b21' }
        Environment  = [pscustomobject]@{ Name = 'FakeArm' }
    }
}
function global:Get-AzAccessToken {
    param([string] $ResourceUrl)
    [pscustomobject]@{ Token = 'fake-token'; ExpiresOn = [DateTimeOffset]::UtcNow.AddHours(1) }
}
