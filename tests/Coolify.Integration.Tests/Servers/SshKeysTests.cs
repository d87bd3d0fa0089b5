using System.Text;
using Coolify.Core.Commands;
using Coolify.Core.Common;
using Coolify.Core.Security;
using Coolify.Infrastructure.Servers;
using Coolify.Infrastructure.Servers.Ssh;

namespace Coolify.Integration.Tests.Servers;

public sealed class SshKeysTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private readonly SshKeys _keys = new();

    [Theory]
    [InlineData(SshKeyAlgorithm.Ed25519, "ssh-ed25519 ", "(ED25519)")]
    [InlineData(SshKeyAlgorithm.Rsa4096, "ssh-rsa ", "4096 ")]
    public async Task GeneratedKey_HasThePublicKeyAndFingerprintOpenSshComputes(SshKeyAlgorithm algorithm, string prefix, string keygenSays)
    {
        var privateKey = _keys.Generate(algorithm);

        var info = _keys.Inspect(privateKey);

        Assert.StartsWith(prefix, info.PublicKey, StringComparison.Ordinal);
        // OpenSSH's own reading of the same key, as the truth.
        var shell = new LocalServerShell();
        var file = $"/tmp/coolify-key-test-{Guid.NewGuid():N}";
        try
        {
            await shell.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes(privateKey)), file, 0x180, Token);
            var publicKey = (await shell.RunAsync(ShellCommand.Of("ssh-keygen", "-y", "-f", file), cancellationToken: Token)).EnsureSuccess(ShellCommand.Of("ssh-keygen"));
            Assert.Equal(publicKey.Output.Trim(), info.PublicKey);
            var fingerprint = (await shell.RunAsync(ShellCommand.Of("ssh-keygen", "-l", "-E", "sha256", "-f", file), cancellationToken: Token)).Output;
            Assert.Contains(info.Fingerprint, fingerprint, StringComparison.Ordinal);
            Assert.Contains(keygenSays, fingerprint, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("not a key")]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n")]
    [InlineData("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl someone")]
    public void NotAPrivateKey_IsAFieldError(string text)
    {
        var failure = Assert.Throws<ValidationException>(() => _keys.Inspect(text));

        Assert.Contains("private_key", failure.Errors.Keys);
    }

    [Theory]
    [InlineData(SshKeyAlgorithm.Ed25519)]
    [InlineData(SshKeyAlgorithm.Rsa4096)]
    public void DamagedKey_IsAFieldError_WhereverItIsCut(SshKeyAlgorithm algorithm)
    {
        var key = _keys.Generate(algorithm);
        var lines = key.Split('\n');
        for (var keep = 1; keep < lines.Length - 2; keep += Math.Max(1, lines.Length / 8))
        {
            // The body cut short, the armour intact: a paste that lost lines.
            var damaged = string.Join('\n', lines.Take(keep).Append(lines[^2]));
            var failure = Assert.Throws<ValidationException>(() => _keys.Inspect(damaged));
            Assert.Contains("private_key", failure.Errors.Keys);
        }
    }

    [Fact]
    public async Task GeneratedKey_LogsIntoAServer_OnceItsPublicKeyIsAuthorized()
    {
        Assert.SkipUnless(TestSshServer.Available, "no test sshd (run scripts/test.sh)");
        var target = TestSshServer.RequireTarget($"generated-{Guid.NewGuid():N}");
        var privateKey = _keys.Generate(SshKeyAlgorithm.Ed25519);
        var info = _keys.Inspect(privateKey);
        using var pool = new SshConnectionPool(new MemoryHostKeyStore());
        var existing = pool.For(target);
        var authorize = ShellCommand.Of("sh", "-c", "cat >> ~/.ssh/authorized_keys");
        (await existing.RunAsync(authorize, new CommandOptions { Input = Encoding.UTF8.GetBytes(info.PublicKey + "\n") }, Token)).EnsureSuccess(authorize);

        var withNewKey = pool.For(target with { ServerId = target.ServerId + "-new", PrivateKey = privateKey });
        var result = await withNewKey.RunAsync(ShellCommand.Of("whoami"), cancellationToken: Token);

        Assert.Equal(target.User + "\n", result.Output);
    }

    [Theory]
    [InlineData("ed25519", null)]
    [InlineData("rsa", null)]
    [InlineData("ecdsa", null)]
    [InlineData("rsa", "PEM")]
    [InlineData("ecdsa", "PEM")]
    public async Task KeyWithAPassphrase_IsStoredOpenAndStillTheSameKey(string type, string? format)
    {
        var shell = new LocalServerShell();
        var file = $"/tmp/coolify-key-test-{Guid.NewGuid():N}";
        const string passphrase = "correct horse 'battery' $staple";
        try
        {
            var keygen = ShellCommand.Of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-f", file);
            if (format is not null)
            {
                keygen = ShellCommand.Of("ssh-keygen", "-q", "-t", type, "-m", format, "-N", passphrase, "-f", file);
            }

            (await shell.RunAsync(keygen, cancellationToken: Token)).EnsureSuccess(keygen);
            var encrypted = await File.ReadAllTextAsync(file, Token);
            var expectedPublicKey = string.Join(' ', (await File.ReadAllTextAsync(file + ".pub", Token)).Split(' ').Take(2));

            var failure = Assert.Throws<ValidationException>(() => _keys.Inspect(encrypted));
            Assert.Contains("passphrase", failure.Errors["private_key"][0], StringComparison.Ordinal);
            var wrong = Assert.Throws<ValidationException>(() => _keys.RemovePassphrase(encrypted, "not it"));
            Assert.Contains("passphrase", wrong.Errors.Keys);

            var opened = _keys.RemovePassphrase(encrypted, passphrase);

            Assert.Equal(expectedPublicKey, _keys.Inspect(opened).PublicKey);
            // OpenSSH itself reads the opened key with an empty passphrase and derives the same public key.
            File.Delete(file);
            await shell.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes(opened)), file, 0x180, Token);
            var derived = ShellCommand.Of("ssh-keygen", "-y", "-P", "", "-f", file);
            var publicKey = (await shell.RunAsync(derived, cancellationToken: Token)).EnsureSuccess(derived).Output.Trim();
            Assert.Equal(expectedPublicKey, string.Join(' ', publicKey.Split(' ').Take(2)));
        }
        finally
        {
            File.Delete(file);
            File.Delete(file + ".pub");
        }
    }
}
