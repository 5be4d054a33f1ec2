"""Data kept over years: the medium-term plan (RPJMD/Renstra), copying a year's plan into the
next, the previous-year comparison and the community satisfaction index (IKM)."""
