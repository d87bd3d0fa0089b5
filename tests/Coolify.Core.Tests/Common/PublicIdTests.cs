using Coolify.Core.Common;

namespace Coolify.Core.Tests.Common;

public class PublicIdTests
{
    [Fact]
    public void New_Always_Gives24LowercaseAlphanumericsStartingWithALetter()
    {
        for (var i = 0; i < 1000; i++)
        {
            var id = PublicId.New();
            Assert.Matches("^[a-z][a-z0-9]{23}$", id);
            Assert.True(PublicId.IsValid(id));
        }
    }

    [Fact]
    public void New_ManyCalls_NeverRepeats()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => PublicId.New()).ToHashSet();
        Assert.Equal(10_000, ids.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0bcdefghijklmnopqrstuvwx")]
    [InlineData("Abcdefghijklmnopqrstuvwx")]
    [InlineData("abcdefghijklmnopqrstuvw")]
    [InlineData("abcdefghijklmnopqrstuvw;")]
    public void IsValid_NotOurShape_IsFalse(string? value) => Assert.False(PublicId.IsValid(value));
}
