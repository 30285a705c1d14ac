module kycrypt/gen-go-json

go 1.22
