namespace CarteValoise.Cloud.Documents;

/// <summary>
/// What an invoice says besides its lines: who bills (the commune, its address, how to reach its
/// service), who is billed (the family's name as on its mail, its address), when it was issued
/// and when it must be paid, and the reference the family types on PayFiP to pay it.
/// </summary>
public sealed record InvoiceHeader(
    string CommuneName,
    IReadOnlyList<string> CommuneAddress,
    string CommuneContact,
    string FamilyName,
    IReadOnlyList<string> FamilyAddress,
    DateOnly IssuedOn,
    DateOnly DueOn,
    string PayFipReference);
