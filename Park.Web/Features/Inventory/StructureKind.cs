namespace Park.Web.Features.Inventory;

public enum StructureKind
{
    Building,
    Floor,
    Zone,
}
