" jixiao rule scripts: *.eval
autocmd BufRead,BufNewFile *.eval setfiletype jixiao
