"""What conduct does: incidents (:mod:`.incidents`), sanctions (:mod:`.sanctions`),
appeals (:mod:`.appeals`) and the retention sweep (:mod:`.retention`)."""
