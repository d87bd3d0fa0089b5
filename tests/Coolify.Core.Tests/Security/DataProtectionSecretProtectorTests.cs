using Coolify.Core.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Coolify.Core.Tests.Security;

public class DataProtectionSecretProtectorTests
{
    private readonly DataProtectionSecretProtector _protector = new(new EphemeralDataProtectionProvider());

    [Fact]
    public void Protect_Secret_IsNotReadableAndRoundTrips()
    {
        var stored = _protector.Protect("hunter2-password");

        Assert.StartsWith(DataProtectionSecretProtector.Marker, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", stored, StringComparison.Ordinal);
        Assert.Equal("hunter2-password", _protector.Unprotect(stored));
    }

    [Fact]
    public void Protect_AlreadyProtected_IsUnchanged()
    {
        var once = _protector.Protect("value");
        Assert.Equal(once, _protector.Protect(once));
    }

    [Fact]
    public void Unprotect_LegacyPlainValue_IsReturnedAsIs() => Assert.Equal("plain", _protector.Unprotect("plain"));

    [Fact]
    public void Unprotect_WithAnotherKeyRing_Throws()
    {
        var stored = _protector.Protect("value");
        var stranger = new DataProtectionSecretProtector(new EphemeralDataProtectionProvider());

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => stranger.Unprotect(stored));
    }
}
