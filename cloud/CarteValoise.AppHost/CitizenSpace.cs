/// <summary>
/// What the citizen's space needs between the silos and the portal in the demo: links in mails and
/// PayFiP's return and notification addresses point to the portal; PayFiP itself is the portal's
/// local sandbox gateway (the real protocol, served locally), since the treasury's is out of reach.
/// Without an SMTP server the silos write their mails to their data directory's mail-outbox folder.
/// </summary>
internal static class CitizenSpace
{
    public static void Wire(IResourceBuilder<ProjectResource> portal, IEnumerable<IResourceBuilder<ProjectResource>> silos)
    {
        var portalAddress = portal.GetEndpoint("http");
        portal.WithEnvironment("PayFiP__Sandbox__Enabled", "true");
        foreach (var silo in silos)
        {
            silo.WithEnvironment("Portal__PublicUrl", portalAddress)
                .WithEnvironment(context =>
                {
                    context.EnvironmentVariables["PayFiP__SoapUrl"] = ReferenceExpression.Create($"{portalAddress}/bac-a-sable/payfip/tpa/services/securite");
                    context.EnvironmentVariables["PayFiP__PaymentPageUrl"] = ReferenceExpression.Create($"{portalAddress}/bac-a-sable/payfip/tpa/paiementws.web");
                });
        }
    }
}
