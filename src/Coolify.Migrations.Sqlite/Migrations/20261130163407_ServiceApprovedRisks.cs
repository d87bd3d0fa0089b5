using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coolify.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ServiceApprovedRisks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "approved_risks",
                table: "services",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "approved_risks",
                table: "services");
        }
    }
}
