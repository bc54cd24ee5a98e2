using CarteValoise.Domain.Accounts;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Accounts;

[Collection(PlatformCollection.Name)]
public sealed class ThrottleTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes_even_for_the_right_one() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        var citizens = new Citizens(platform, cloud);
        var email = await citizens.VerifiedAsync();

        for (var i = 0; i < SignInThrottle.MaxFailures - 1; i++)
        {
            var wrong = await Citizens.RefusedAsync(() => citizens.SignInAsync(email, $"Mauvais-Mot-{i}-2026"));
            Assert.Equal(StatusCode.Unauthenticated, wrong.StatusCode);
            Assert.Equal("Adresse électronique ou mot de passe incorrect.", wrong.Status.Detail);
        }
        var before = DateTimeOffset.UtcNow;
        var fifth = await Citizens.RefusedAsync(() => citizens.SignInAsync(email, "Mauvais-Mot-5-2026"));
        var after = DateTimeOffset.UtcNow;

        Assert.Equal(StatusCode.ResourceExhausted, fifth.StatusCode);
        // The lockout ends fifteen minutes after the fifth failure, which the cloud timed between before and after.
        string[] expected = [SignInThrottle.Refusal(before + SignInThrottle.FirstLockout, before), SignInThrottle.Refusal(after + SignInThrottle.FirstLockout, after)];
        Assert.Contains(fifth.Status.Detail, expected);
        var right = await Citizens.RefusedAsync(() => citizens.SignInAsync(email));
        Assert.Equal(StatusCode.ResourceExhausted, right.StatusCode);
        Assert.Equal(fifth.Status.Detail, right.Status.Detail);
    });
}
