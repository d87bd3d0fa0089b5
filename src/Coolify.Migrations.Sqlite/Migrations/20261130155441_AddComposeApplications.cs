using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coolify.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddComposeApplications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "compose_containers",
                table: "applications",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "compose_containers",
                table: "applications");
        }
    }
}
