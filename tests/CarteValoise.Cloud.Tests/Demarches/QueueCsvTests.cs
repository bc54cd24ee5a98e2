using System.Text;
using CarteValoise.Cloud.Demarches;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;
using Grpc.Core;
using Xunit;

namespace CarteValoise.Cloud.Tests.Demarches;

public sealed class QueueCsvTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_export_is_one_line_per_request_after_a_header_in_Paris_time_with_a_BOM()
    {
        RequestSummary[] lines =
        [
            new("DEM-95127-2026-000002", 2, "acte-naissance", "Demande d'acte de naissance", "deposee", "Déposée", StateKind.Open,
                new DateTimeOffset(2026, 10, 5, 12, 30, 0, TimeSpan.Zero), null, new DateTimeOffset(2026, 10, 10, 12, 30, 0, TimeSpan.Zero),
                RequestChannel.Online, "Claire Martin", "", "", 1),
            new("DEM-95127-2026-000001", 1, "reservation-salle", "Réservation d'une salle; municipale", "acceptee", "Acceptée", StateKind.Accepted,
                new DateTimeOffset(2026, 1, 2, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 3, 8, 0, 0, TimeSpan.Zero), null,
                RequestChannel.Counter, "=HYPERLINK(\"x\")", "agent.cergy@demo.cartevaloise.fr", "Agent de Cergy", 3),
        ];

        var bytes = QueueCsv.Write(lines, Now);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(
            [
                "référence;démarche;état;déposée le;échéance;en retard;canal;demandeur;agent",
                "DEM-95127-2026-000002;Demande d'acte de naissance;Déposée;05/10/2026 14:30;10/10/2026 14:30;oui;en ligne;Claire Martin;",
                "DEM-95127-2026-000001;\"Réservation d'une salle; municipale\";Acceptée;02/01/2026 09:00;;non;guichet;\"'=HYPERLINK(\"\"x\"\")\";Agent de Cergy",
                "",
            ],
            Encoding.UTF8.GetString(bytes[3..]).Split("\r\n"));
    }

    [Fact]
    public void Problems_go_out_one_per_line_with_their_fields_in_the_trailer()
    {
        var refused = DemarcheWireErrors.Invalid([new("nom", "Indiquez le nom."), new("page:parents", "Remplissez la page « Les parents ».")]);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("Indiquez le nom.\nRemplissez la page « Les parents ».", refused.Status.Detail);
        Assert.Equal("nom,page:parents", refused.Trailers.GetValue(DemarcheWireErrors.FieldsTrailer));
        Assert.Equal("Accès refusé à cette demande.", DemarcheWireErrors.RequestDenied().Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, DemarcheWireErrors.RequestDenied().StatusCode);
    }
}
