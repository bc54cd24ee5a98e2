using CarteValoise.Domain.Access;
using CarteValoise.Grains.Devices;

namespace CarteValoise.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class BoxEnrolmentTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_code_enrols_its_box_once_and_the_box_then_authenticates_with_its_new_secret()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var boxId = $"{commune.Code}-new";
        var box = fixture.Grains.GetGrain<IDeviceGrain>(boxId);
        await box.Create(new DeviceEnrolment(boxId, commune.SchoolId, commune.Code, ""), "Réfectoire");
        var code = fixture.Grains.GetGrain<IEnrolmentCodeGrain>(Guid.NewGuid().ToString("N"));
        await code.Issue(boxId, fixture.Time.GetUtcNow().AddHours(1));

        Assert.Null(await box.Authenticate("")); // created, not enrolled: no secret opens it
        Assert.False((await box.GetStatus()).Enrolled);

        Assert.Equal(new CodeRedemptionResult(CodeRedemption.Redeemed, boxId), await code.Redeem());
        var secret = SecretHash.NewSecret();
        await box.CompleteEnrolment(SecretHash.Of(secret));

        Assert.NotNull(await box.Authenticate(secret));
        Assert.True((await box.GetStatus()).Enrolled);
        Assert.Equal(CodeRedemption.AlreadyUsed, (await code.Redeem()).Outcome);
    }

    [Fact]
    public async Task An_expired_or_unknown_code_enrols_nothing()
    {
        var expired = fixture.Grains.GetGrain<IEnrolmentCodeGrain>(Guid.NewGuid().ToString("N"));
        await expired.Issue("some-box", fixture.Time.GetUtcNow().AddMinutes(-1));
        Assert.Equal(CodeRedemption.Expired, (await expired.Redeem()).Outcome);
        Assert.Equal(CodeRedemption.Unknown, (await fixture.Grains.GetGrain<IEnrolmentCodeGrain>(Guid.NewGuid().ToString("N")).Redeem()).Outcome);
    }

    [Fact]
    public async Task A_heartbeat_is_kept_for_the_agents()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var heartbeat = new BoxHeartbeat(fixture.Time.GetUtcNow(), "1.2.3", 42, fixture.Time.GetUtcNow().AddMinutes(-3), null, "ok", 1234, "Canteen");
        await commune.Box.RecordHeartbeat(heartbeat);
        Assert.Equal(heartbeat, (await commune.Box.GetStatus()).LastHeartbeat);
    }
}
