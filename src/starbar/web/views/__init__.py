"""Server-rendered pages: review, story bank, practice and sign-in."""
