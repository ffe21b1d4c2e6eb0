from innspill.cli import app

app()
